package de.leitstand.reporting.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import de.leitstand.monitoring.MonitoringFacts.CycleSummary;
import de.leitstand.reporting.internal.CouncilDocuments;
import de.leitstand.reporting.internal.CouncilReport;
import de.leitstand.reporting.internal.CouncilReportService;

/** The council report (Gemeinderatsbericht): choose a cycle, download it as PDF or XLSX. */
@Controller
class CouncilReportController {

	static final String FORM = "reporting/council";
	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CouncilReportService reports;
	private final CouncilDocuments documents;

	CouncilReportController(CouncilReportService reports, CouncilDocuments documents) {
		this.reports = reports;
		this.documents = documents;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/reports/council")
	String form(@RequestParam(name = "cycle", required = false) UUID cycle, Model model) {
		List<CycleSummary> cycles = reports.cycles();
		model.addAttribute("cycles", cycles);
		model.addAttribute("activeNav", "/reports/council");
		CycleSummary chosen = cycles.stream().filter(c -> c.id().equals(cycle)).findFirst().orElse(null);
		model.addAttribute("chosen", chosen);
		return FORM;
	}

	@GetMapping("/reports/council/{cycleId}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID cycleId) {
		CouncilReport report = reports.build(cycleId);
		return file(documents.pdf(report), MediaType.APPLICATION_PDF, filename(report, "pdf"));
	}

	@GetMapping("/reports/council/{cycleId}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable UUID cycleId) {
		CouncilReport report = reports.build(cycleId);
		return file(documents.xlsx(report), XLSX, filename(report, "xlsx"));
	}

	private static String filename(CouncilReport report, String extension) {
		return "Gemeinderatsbericht-" + report.cycleLabel().replaceAll("[^A-Za-z0-9ÄÖÜäöüß._-]+", "-") + "."
				+ extension;
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build()
						.toString())
			.body(content);
	}
}
