package de.leitstand.portfolio.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.portfolio.internal.ProjectExport;
import de.leitstand.portfolio.internal.ProjectImport;
import de.leitstand.portfolio.internal.ProjectImport.Outcome;
import de.leitstand.portfolio.internal.ProjectImport.Problem;

/**
 * Upload of the portfolio workbook. A successful import redirects (post/redirect/get) to the form with the
 * counts; a rejected one shows the report of every problem on the same page, and nothing was stored.
 */
@Controller
@RequestMapping("/portfolio/import")
class ImportController {

	static final String IMPORT = "portfolio/io/import";

	private final ProjectImport importer;
	private final ProjectExport export;
	private final MessageSource messages;

	ImportController(ProjectImport importer, ProjectExport export, MessageSource messages) {
		this.importer = importer;
		this.export = export;
		this.messages = messages;
	}

	/** One line of the error report, ready to show. */
	record ReportLine(String sheet, int row, String column, String reason) {
	}

	@GetMapping
	String form() {
		return IMPORT;
	}

	@GetMapping("/template.xlsx")
	void template(HttpServletResponse response, Locale locale) throws IOException {
		ExportController.download(response, ExportController.XLSX, "xlsx");
		response.setHeader("Content-Disposition", "attachment; filename=\"portfolio-importvorlage.xlsx\"");
		export.template(response.getOutputStream(), locale);
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
		Outcome outcome;
		if (file == null || file.isEmpty()) {
			outcome = new Outcome(0, 0, List.of(new Problem(null, 0, null, "io.error.noFile", List.of())));
		}
		else {
			try (InputStream in = file.getInputStream()) {
				outcome = importer.run(in, file.getSize());
			}
		}
		if (outcome.succeeded()) {
			redirect.addFlashAttribute("created", outcome.created());
			redirect.addFlashAttribute("updated", outcome.updated());
			return "redirect:/portfolio/import";
		}
		response.setStatus(422);
		List<ReportLine> lines = outcome.problems().stream()
			.map(p -> new ReportLine(p.sheet(), p.row(), p.column(), reason(p, locale)))
			.toList();
		model.addAttribute("fileProblems", lines.stream().filter(l -> l.sheet() == null).toList());
		model.addAttribute("cellProblems", lines.stream().filter(l -> l.sheet() != null).toList());
		model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
		return IMPORT;
	}

	/**
	 * The reason in words: the import's own wording of a rule ({@code io.reason.<key>}) where the form's wording
	 * would not fit a spreadsheet cell, else the rule's message.
	 */
	String reason(Problem problem, Locale locale) {
		Object[] args = problem.args().stream()
			.map(a -> a instanceof Number n ? n.toString() : a)
			.toArray();
		String key = problem.messageKey();
		for (String candidate : key.startsWith("io.") ? List.of(key) : List.of("io.reason." + key, key)) {
			try {
				return messages.getMessage(candidate, args, locale);
			}
			catch (NoSuchMessageException ex) {
				// try the next wording
			}
		}
		return messages.getMessage("io.reason.unknown", new Object[] { key }, locale);
	}
}
