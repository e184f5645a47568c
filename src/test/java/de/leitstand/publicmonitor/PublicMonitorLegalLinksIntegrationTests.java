package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The footer of every public page links the city's legal notice and privacy policy once they are configured; one
 * still missing is not linked, and in demo mode a hint says that the operators still have to set it.
 */
@SpringBootTest(properties = "leitstand.monitor.imprint-url=https://www.stadt.example/impressum")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicMonitorLegalLinksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aConfiguredLegalNoticeIsLinkedOnEveryPublicPage() throws Exception {
		for (String url : new String[] { "/monitor", "/monitor/ki-register", "/monitor/open-data",
				"/monitor/barrierefreiheit" }) {
			assertThat(page(url)).as(url)
				.contains("<a class=\"kern-link\" href=\"https://www.stadt.example/impressum\">Impressum</a>")
				.doesNotContain(">Datenschutzerklärung</a>")
				.contains("Demo-Modus: Impressum und Datenschutzerklärung der Stadt werden hier verlinkt");
		}
		assertThat(page("/monitor?lang=en")).contains("href=\"https://www.stadt.example/impressum\">Legal notice</a>");
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
