package de.leitstand.organization.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.SecurityEvents;
import de.leitstand.organization.SecurityEvents.SecurityEventType;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;

/**
 * Personal API tokens: every signed-in user creates, lists and revokes their own; the API's token filter turns a
 * presented token into its owner (with the owner's current roles and the token's scope).
 *
 * <p>The security event log gets TOKEN_CREATED, TOKEN_REVOKED and TOKEN_USED. TOKEN_USED is written at most once a
 * minute per token — together with {@code last_used_at}, by the one request whose conditional update marks the
 * token — so that a script calling the API thousands of times does not flood the log; the log shows that, when
 * (to the minute) and from where a token was used, not every call (the access log has those).
 */
@Service
@Transactional
public class ApiTokenService {

	/** Every token starts with this, so scanners and people recognise it and the API tells it from a JWT. */
	public static final String TOKEN_PREFIX = "lst_";
	static final int MAX_DAYS = 366;
	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	private final ApiTokens tokens;
	private final UserAccounts accounts;
	private final SecurityEvents events;
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;

	ApiTokenService(ApiTokens tokens, UserAccounts accounts, SecurityEvents events) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	/** A created token: the secret (shown exactly once) and its stored record. */
	public record Created(String secret, ApiToken token) {
	}

	/** The outcome of presenting a token: its owner and scope, or nothing if unknown, expired or revoked. */
	public record Authenticated(UUID tokenId, ApiToken.Scope scope, LeitstandUser owner) {
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ApiToken> mine() {
		return tokens.findAllByOwnerIdOrderByCreatedAtDesc(currentUser().id());
	}

	@PreAuthorize("isAuthenticated()")
	public Created create(ApiTokenForm form) {
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		List<RuleViolation> violations = new ArrayList<>();
		if (!form.getExpiresOn().isAfter(today)) {
			violations.add(new RuleViolation("account.token.expiry.past", "expiresOn"));
		}
		else if (form.getExpiresOn().isAfter(today.plusYears(1))) {
			violations.add(new RuleViolation("account.token.expiry.tooLate", "expiresOn",
					today.plusYears(1).toString()));
		}
		FormRejected.throwIfAny(violations);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		// Valid through the whole chosen day (local time).
		Instant expires = form.getExpiresOn().plusDays(1).atStartOfDay(ZONE).toInstant();
		LeitstandUser user = currentUser();
		ApiToken token = new ApiToken(user.id(), form.getName().trim(), form.getScope(), hash(secret),
				secret.substring(0, TOKEN_PREFIX.length() + 6), clock.instant(), expires);
		ApiToken saved = tokens.save(token);
		events.record(SecurityEventType.TOKEN_CREATED, user.username(),
				describe(saved) + ", " + saved.getScope() + ", valid through " + form.getExpiresOn());
		return new Created(secret, saved);
	}

	@PreAuthorize("isAuthenticated()")
	public ApiToken revoke(UUID id) {
		ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("api token"));
		LeitstandUser user = currentUser();
		if (!token.getOwnerId().equals(user.id())) {
			throw new AccessDeniedException("not the owner of the token");
		}
		if (token.getRevokedAt() == null) {
			token.revoke(clock.instant());
			events.record(SecurityEventType.TOKEN_REVOKED, user.username(), describe(token));
		}
		return token;
	}

	/** Checks a presented token; records its use at most once a minute (no audit revision for that). */
	public Optional<Authenticated> authenticate(String secret) {
		return authenticate(secret, null);
	}

	/**
	 * Checks a presented token. Its first use in a minute is marked on the token and written to the security event
	 * log, with {@code request} (method and path) as detail.
	 */
	public Optional<Authenticated> authenticate(String secret, String request) {
		if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findByTokenHash(hash(secret))
			.filter(t -> t.isActive(now))
			.flatMap(t -> accounts.findById(t.getOwnerId())
				.filter(UserAccount::isEnabled)
				.map(owner -> {
					if ((t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now))
							&& tokens.markUsed(t.getId(), now, now.minus(LAST_USED_GRANULARITY)) == 1) {
						events.record(SecurityEventType.TOKEN_USED, owner.getUsername(),
								describe(t) + (request == null ? "" : ": " + request) + " (first use this minute)");
					}
					LeitstandUser user = owner.toUser();
					user.eraseCredentials();
					return new Authenticated(t.getId(), t.getScope(), user);
				}));
	}

	/** The token as the log names it: never the secret, only its name and the prefix shown on the account page. */
	static String describe(ApiToken token) {
		String text = "token \"" + token.getName() + "\" (" + token.getPrefix() + "…)";
		return text.length() > 300 ? text.substring(0, 300) : text;
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static LeitstandUser currentUser() {
		return LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
	}
}
