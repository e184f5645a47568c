package de.leitstand.organization.internal.security;

import java.time.Clock;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import de.leitstand.organization.SecurityEvents;

/** Writes and reads the security event log. */
@Service
public class SecurityEventLog implements SecurityEvents {

	public static final int PAGE_SIZE = 50;

	private final EntityManager entityManager;
	private final SecurityEventRepository repository;
	private final Clock clock;

	SecurityEventLog(EntityManager entityManager, SecurityEventRepository repository, Optional<Clock> clock) {
		this.entityManager = entityManager;
		this.repository = repository;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(SecurityEventType type, String username, String detail) {
		entityManager.persist(new SecurityEvent(clock.instant(), type, username, clientAddress(), detail));
	}

	/** Records in a transaction of its own, so the entry stays even if the caller's work is rolled back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(SecurityEventType type, String username, String detail) {
		record(type, username, detail);
	}

	/** One page of the log, newest first, optionally only one type and usernames containing a text. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Page<SecurityEvent> page(SecurityEventType type, String username, int page) {
		Specification<SecurityEvent> spec = (root, query, cb) -> cb.conjunction();
		if (type != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), type));
		}
		if (username != null && !username.isBlank()) {
			String pattern = "%" + username.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%";
			spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("username")), pattern, '\\'));
		}
		return repository.findAll(spec,
				PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "occurredAt")));
	}

	static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
