package de.leitstand.publicmonitor.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.leitstand.publicmonitor.internal.PublicCatalog;
import de.leitstand.publicmonitor.internal.PublicMonitorSettings;
import de.leitstand.publicmonitor.internal.PublicProject;

/**
 * Open data of the public monitor: the published portfolio as CSV and JSON with a stable, documented schema
 * ({@code docs/open-data.md}), its DCAT-AP.de description and an Atom feed of publications and updates.
 */
@RestController
class OpenDataController {

	static final String SCHEMA_VERSION = "1.0";
	static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
	static final List<String> CSV_COLUMNS = List.of("key", "url", "title", "summary", "status", "fields_of_action",
			"goals", "office", "planned_start", "planned_end", "progress_percent", "ai_used", "ai_purpose",
			"ai_risk_class", "published_at", "updated_at");
	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
	static final MediaType RDF_XML = MediaType.parseMediaType("application/rdf+xml;charset=UTF-8");
	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final PublicCatalog catalog;
	private final PublicMonitorSettings settings;
	private final MessageSource messages;

	OpenDataController(PublicCatalog catalog, PublicMonitorSettings settings, MessageSource messages) {
		this.catalog = catalog;
		this.settings = settings;
		this.messages = messages;
	}

	/** The JSON download: one object with the dataset's metadata and the projects. */
	record Dataset(String schemaVersion, String title, String publisher, String license, String modified,
			int count, List<Project> projects) {
	}

	record Project(String key, String url, String title, String summary, String status,
			List<FieldOfAction> fieldsOfAction, List<Goal> goals, String office, String plannedStart,
			String plannedEnd, Integer progressPercent, boolean aiUsed, String aiPurpose, String aiRiskClass,
			List<Milestone> milestones, String publishedAt, String updatedAt) {
	}

	record FieldOfAction(int number, String name) {
	}

	record Goal(String code, String title, int fieldOfAction) {
	}

	record Milestone(String title, String planned, String forecast, String actual) {
	}

	// No "produces": the file name fixes the format, so every client gets JSON whatever it accepts (as with
	// the CSV); the content type set below is taken as given by the message converters.
	@GetMapping("/monitor/projects.json")
	ResponseEntity<Dataset> json() {
		PublicCatalog.Snapshot snapshot = catalog.current();
		String base = base();
		List<Project> projects = snapshot.projects().stream().map(p -> new Project(p.key(), projectUrl(base, p),
				p.title(), p.summary(), p.status().name(),
				p.goals().stream().map(g -> new FieldOfAction(g.fieldNumber(), g.fieldName())).distinct().toList(),
				p.goals().stream().map(g -> new Goal(g.code(), g.title(), g.fieldNumber())).toList(), p.officeName(),
				date(p.plannedStart()), date(p.plannedEnd()), p.progress(), p.aiUsed(), p.aiPurpose(),
				p.aiRiskClass() == null ? null : p.aiRiskClass().name(),
				p.milestones().stream()
					.map(m -> new Milestone(m.title(), date(m.planned()), date(m.forecast()), date(m.actual())))
					.toList(),
				instant(p.publishedAt()), instant(p.updatedAt()))).toList();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Dataset(SCHEMA_VERSION, message("monitor.data.title", Locale.GERMAN), settings.publisher(),
					LICENSE, instant(snapshot.lastModified()), projects.size(), projects));
	}

	@GetMapping("/monitor/projects.csv")
	ResponseEntity<String> csv() throws IOException {
		PublicCatalog.Snapshot snapshot = catalog.current();
		String base = base();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
			for (PublicProject p : snapshot.projects()) {
				csv.printRecord(cell(p.key()), cell(projectUrl(base, p)), cell(p.title()), cell(p.summary()),
						p.status().name(),
						p.fieldNumbers().stream().map(String::valueOf).collect(Collectors.joining("|")),
						cell(p.goals().stream().map(PublicProject.Goal::code).collect(Collectors.joining("|"))),
						cell(p.officeName()), date(p.plannedStart()), date(p.plannedEnd()),
						p.progress() == null ? "" : p.progress().toString(), Boolean.toString(p.aiUsed()),
						cell(p.aiPurpose()), p.aiRiskClass() == null ? "" : p.aiRiskClass().name(),
						instant(p.publishedAt()), instant(p.updatedAt()));
			}
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"digitalmonitor-projekte.csv\"")
			.body(out.toString());
	}

	@GetMapping("/monitor/dcat.rdf")
	ResponseEntity<String> dcat() throws XMLStreamException {
		PublicCatalog.Snapshot snapshot = catalog.current();
		String base = base();
		String modified = instant(snapshot.lastModified());
		StringWriter out = new StringWriter();
		XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		x.writeStartDocument("UTF-8", "1.0");
		x.writeStartElement("rdf", "RDF", Rdf.RDF);
		x.writeNamespace("rdf", Rdf.RDF);
		x.writeNamespace("dcat", Rdf.DCAT);
		x.writeNamespace("dct", Rdf.DCT);
		x.writeNamespace("foaf", Rdf.FOAF);
		x.writeNamespace("dcatde", Rdf.DCATDE);
		x.writeNamespace("vcard", Rdf.VCARD);
		x.writeStartElement("dcat", "Catalog", Rdf.DCAT);
		x.writeAttribute("rdf", Rdf.RDF, "about", base + "/monitor/dcat.rdf#catalog");
		Rdf.text(x, "dct", Rdf.DCT, "title", message("monitor.dcat.catalog.title", Locale.GERMAN));
		Rdf.text(x, "dct", Rdf.DCT, "description", message("monitor.dcat.catalog.description", Locale.GERMAN));
		publisher(x, base);
		Rdf.resource(x, "dct", Rdf.DCT, "language", "http://publications.europa.eu/resource/authority/language/DEU");
		Rdf.resource(x, "foaf", Rdf.FOAF, "homepage", base + "/monitor");
		Rdf.dateTime(x, "modified", modified);
		x.writeStartElement("dcat", "dataset", Rdf.DCAT);
		x.writeStartElement("dcat", "Dataset", Rdf.DCAT);
		x.writeAttribute("rdf", Rdf.RDF, "about", base + "/monitor/open-data#projekte");
		Rdf.text(x, "dct", Rdf.DCT, "title", message("monitor.data.title", Locale.GERMAN));
		Rdf.text(x, "dct", Rdf.DCT, "description", message("monitor.dcat.dataset.description", Locale.GERMAN));
		Rdf.plain(x, "dct", Rdf.DCT, "identifier", base + "/monitor/open-data#projekte");
		publisher(x, base);
		Rdf.resource(x, "dcatde", Rdf.DCATDE, "contributorID", settings.contributorId());
		Rdf.resource(x, "dcatde", Rdf.DCATDE, "politicalGeocodingLevelURI",
				"http://dcat-ap.de/def/politicalGeocoding/Level/municipality");
		Rdf.resource(x, "dcat", Rdf.DCAT, "theme", "http://publications.europa.eu/resource/authority/data-theme/GOVE");
		for (String keyword : message("monitor.dcat.keywords", Locale.GERMAN).split(",")) {
			Rdf.text(x, "dcat", Rdf.DCAT, "keyword", keyword.strip());
		}
		Rdf.resource(x, "dct", Rdf.DCT, "accessRights",
				"http://publications.europa.eu/resource/authority/access-right/PUBLIC");
		Rdf.resource(x, "dcat", Rdf.DCAT, "landingPage", base + "/monitor/open-data");
		Rdf.resource(x, "dct", Rdf.DCT, "accrualPeriodicity",
				"http://publications.europa.eu/resource/authority/frequency/CONT");
		Rdf.dateTime(x, "modified", modified);
		x.writeStartElement("dcat", "contactPoint", Rdf.DCAT);
		x.writeStartElement("vcard", "Organization", Rdf.VCARD);
		Rdf.plain(x, "vcard", Rdf.VCARD, "fn", settings.publisher());
		Rdf.resource(x, "vcard", Rdf.VCARD, "hasEmail", "mailto:" + settings.accessibilityContact());
		x.writeEndElement();
		x.writeEndElement();
		distribution(x, base + "/monitor/projects.csv", "CSV", "text/csv", message("monitor.dcat.csv", Locale.GERMAN),
				modified, base);
		distribution(x, base + "/monitor/projects.json", "JSON", "application/json",
				message("monitor.dcat.json", Locale.GERMAN), modified, base);
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndDocument();
		x.close();
		return ResponseEntity.ok().contentType(RDF_XML).body(out.toString());
	}

	@GetMapping("/monitor/feed.atom")
	ResponseEntity<String> feed() throws XMLStreamException {
		PublicCatalog.Snapshot snapshot = catalog.current();
		Locale locale = LocaleContextHolder.getLocale();
		String base = base();
		StringWriter out = new StringWriter();
		XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		String atom = "http://www.w3.org/2005/Atom";
		x.writeStartDocument("UTF-8", "1.0");
		x.setDefaultNamespace(atom);
		x.writeStartElement(atom, "feed");
		x.writeDefaultNamespace(atom);
		x.writeAttribute("xml:lang", locale.getLanguage());
		element(x, "id", base + "/monitor/feed.atom");
		element(x, "title", message("monitor.feed.title", locale));
		element(x, "subtitle", message("monitor.feed.subtitle", locale));
		element(x, "updated", instant(snapshot.changes().isEmpty() ? snapshot.lastModified()
				: snapshot.changes().get(0).changedAt()));
		x.writeStartElement("author");
		element(x, "name", settings.publisher());
		x.writeEndElement();
		link(x, "self", base + "/monitor/feed.atom", "application/atom+xml");
		link(x, "alternate", base + "/monitor", "text/html");
		for (PublicProject.Change change : snapshot.changes()) {
			x.writeStartElement("entry");
			element(x, "id", "urn:uuid:" + change.id());
			element(x, "title", message("monitor.feed.entry." + change.kind(), locale, change.title()));
			element(x, "updated", instant(change.changedAt()));
			link(x, "alternate", base + "/monitor/projects/" + change.key(), "text/html");
			x.writeStartElement("category");
			x.writeAttribute("term", change.kind());
			x.writeEndElement();
			element(x, "summary", change.summary());
			x.writeEndElement();
		}
		x.writeEndElement();
		x.writeEndDocument();
		x.close();
		return ResponseEntity.ok().contentType(ATOM).body(out.toString());
	}

	private void publisher(XMLStreamWriter x, String base) throws XMLStreamException {
		x.writeStartElement("dct", "publisher", Rdf.DCT);
		x.writeStartElement("foaf", "Organization", Rdf.FOAF);
		x.writeAttribute("rdf", Rdf.RDF, "about", base + "/monitor/dcat.rdf#publisher");
		Rdf.plain(x, "foaf", Rdf.FOAF, "name", settings.publisher());
		x.writeEndElement();
		x.writeEndElement();
	}

	private void distribution(XMLStreamWriter x, String url, String format, String mediaType, String title,
			String modified, String base) throws XMLStreamException {
		x.writeStartElement("dcat", "distribution", Rdf.DCAT);
		x.writeStartElement("dcat", "Distribution", Rdf.DCAT);
		x.writeAttribute("rdf", Rdf.RDF, "about", url);
		Rdf.text(x, "dct", Rdf.DCT, "title", title);
		Rdf.resource(x, "dcat", Rdf.DCAT, "accessURL", url);
		Rdf.resource(x, "dcat", Rdf.DCAT, "downloadURL", url);
		Rdf.resource(x, "dct", Rdf.DCT, "format", "http://publications.europa.eu/resource/authority/file-type/" + format);
		Rdf.resource(x, "dcat", Rdf.DCAT, "mediaType", "https://www.iana.org/assignments/media-types/" + mediaType);
		Rdf.resource(x, "dct", Rdf.DCT, "license", LICENSE);
		Rdf.plain(x, "dcatde", Rdf.DCATDE, "licenseAttributionByText", settings.publisher());
		Rdf.resource(x, "dct", Rdf.DCT, "conformsTo", base + "/monitor/open-data#schema");
		Rdf.dateTime(x, "modified", modified);
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(text == null ? "" : text);
		x.writeEndElement();
	}

	private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
		x.writeStartElement("link");
		x.writeAttribute("rel", rel);
		x.writeAttribute("href", href);
		x.writeAttribute("type", type);
		x.writeEndElement();
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** Never the request's host: these documents are cached and replayed to every visitor. */
	private String base() {
		return settings.baseUrl();
	}

	private static String projectUrl(String base, PublicProject p) {
		return base + "/monitor/projects/" + p.key();
	}

	private static String date(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static String instant(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** A text cell a spreadsheet shows as text: a leading formula character gets an apostrophe. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return Objects.toString(value, "");
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	/** Namespaces and small writers for RDF/XML. */
	static final class Rdf {

		static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
		static final String DCAT = "http://www.w3.org/ns/dcat#";
		static final String DCT = "http://purl.org/dc/terms/";
		static final String FOAF = "http://xmlns.com/foaf/0.1/";
		static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
		static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

		private Rdf() {
		}

		static void text(XMLStreamWriter x, String prefix, String ns, String name, String text)
				throws XMLStreamException {
			x.writeStartElement(prefix, name, ns);
			x.writeAttribute("xml:lang", "de");
			x.writeCharacters(text);
			x.writeEndElement();
		}

		static void plain(XMLStreamWriter x, String prefix, String ns, String name, String text)
				throws XMLStreamException {
			x.writeStartElement(prefix, name, ns);
			x.writeCharacters(text);
			x.writeEndElement();
		}

		static void resource(XMLStreamWriter x, String prefix, String ns, String name, String uri)
				throws XMLStreamException {
			x.writeEmptyElement(prefix, name, ns);
			x.writeAttribute("rdf", RDF, "resource", uri);
		}

		static void dateTime(XMLStreamWriter x, String name, String value) throws XMLStreamException {
			x.writeStartElement("dct", name, DCT);
			x.writeAttribute("rdf", RDF, "datatype", "http://www.w3.org/2001/XMLSchema#dateTime");
			x.writeCharacters(value);
			x.writeEndElement();
		}
	}
}
