package de.leitstand.portfolio.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.leitstand.portfolio.internal.ProjectExport;

/**
 * Downloads of the portfolio list as XLSX or CSV, filtered by the same parameters as the list page
 * ({@link QueryParams}); every signed-in user gets what their list would show.
 */
@Controller
@RequestMapping("/portfolio")
class ExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ProjectExport export;

	ExportController(ProjectExport export) {
		this.export = export;
	}

	@GetMapping("/export.xlsx")
	void xlsx(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		download(response, XLSX, "xlsx");
		export.xlsx(QueryParams.parse(params).query(), response.getOutputStream());
	}

	/** CSV for German Excel: UTF-8 with byte order mark and semicolons (see {@link ProjectExport#csv}). */
	@GetMapping("/export.csv")
	void csv(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		download(response, "text/csv;charset=UTF-8", "csv");
		export.csv(QueryParams.parse(params).query(), response.getOutputStream());
	}

	static void download(HttpServletResponse response, String contentType, String extension) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("portfolio-" + LocalDate.now() + "." + extension).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}
}
