package de.leitstand.organization.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiTokens extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findAllByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

	/**
	 * Records use without a new version or audit revision (a bulk update bypasses both), unless the token was
	 * already marked after {@code since}. Answers 1 for the one request that marked it (the database decides, so
	 * parallel requests and several nodes agree), else 0.
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id "
			+ "and (t.lastUsedAt is null or t.lastUsedAt < :since)")
	int markUsed(@Param("id") UUID id, @Param("now") Instant now, @Param("since") Instant since);
}
