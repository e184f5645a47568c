package de.leitstand.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a REST controller of the JSON API under {@code /api/v1}: its errors are answered as RFC 9457 problem
 * details by {@link ApiProblems}, in German unless the client asks for English with {@code Accept-Language}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface ApiController {
}
