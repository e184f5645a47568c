package de.leitstand.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI 3 description at {@code /v3/api-docs}: title, the ways to authenticate (HTTP Basic, personal API
 * token or the identity provider's JWT as bearer token), the RFC 9457 problem schema that every error answer
 * follows, and a string schema for parameters declared without one (so that the description validates).
 */
@Configuration
class ApiDocumentation {

	@Bean
	OpenAPI leitstandOpenApi() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().example("leadUnit"))
			.addProperty("message", new StringSchema().example("Diese Organisationseinheit gibt es nicht."));
		Schema<?> problem = new ObjectSchema()
			.description("RFC 9457 problem details; detail in German unless Accept-Language asks for English")
			.properties(Map.of("type", new StringSchema().example("urn:leitstand:problem:invalid-input"), "title",
					new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(), "instance",
					new StringSchema(), "errors",
					new ArraySchema().items(fieldError).description("Field-level errors of invalid input"),
					"currentVersion", new IntegerSchema().format("int64")
						.description("Current version on 409/412 for a stale version")));
		return new OpenAPI()
			.info(new Info().title("Leitstand API")
				.version("v1")
				.description("Portfolio of the city's digitalisation projects. Errors are problem details "
						+ "(application/problem+json). Changes need If-Match with the ETag read (or a version field).")
				.license(new License().name("EUPL-1.2")
					.url("https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
			.servers(List.of(new Server().url("/").description("This Leitstand installation")))
			.components(new Components().addSchemas("Problem", problem)
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("Personal API token (lst_…, created under /account/tokens; read tokens only "
							+ "GET) or, with single sign-on, the identity provider's JWT access token")))
			.security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
	}

	/** Parameters and response headers declared without a type get a string schema (OpenAPI requires one). */
	@Bean
	OpenApiCustomizer parametersHaveSchemas() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				if (operation.getParameters() != null) {
					for (Parameter parameter : operation.getParameters()) {
						if (parameter.getSchema() == null && parameter.getContent() == null) {
							parameter.setSchema(new StringSchema());
						}
					}
				}
				if (operation.getResponses() != null) {
					operation.getResponses().values().forEach(response -> {
						if (response.getHeaders() != null) {
							response.getHeaders().values().forEach(header -> {
								if (header.getSchema() == null && header.getContent() == null) {
									header.setSchema(new StringSchema());
								}
							});
						}
					});
				}
			}));
		};
	}
}
