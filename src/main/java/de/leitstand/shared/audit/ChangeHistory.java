package de.leitstand.shared.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the Envers revisions of one entity into a readable history: who, when, and each field before and after.
 */
@Service
public class ChangeHistory {

	private static final Set<String> IGNORED = Set.of("id", "version");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final EntityManager entityManager;
	private final MessageSource messages;
	private final List<ValueLabels> labels;

	ChangeHistory(EntityManager entityManager, MessageSource messages, List<ValueLabels> labels) {
		this.entityManager = entityManager;
		this.messages = messages;
		this.labels = labels;
	}

	/** One revision of an entity: who, when, what kind of change, and the fields that changed. */
	public record Revision(long number, Instant at, String username, String kind, List<Change> changes) {
	}

	/** One field's change within a revision. */
	public record Change(String field, String before, String after) {
	}

	/** The history of one entity, newest first. */
	@Transactional(readOnly = true)
	public List<Revision> of(Class<?> type, Object id) {
		@SuppressWarnings("unchecked")
		List<Object[]> rows = AuditReaderFactory.get(entityManager)
			.createQuery()
			.forRevisionsOfEntity(type, false, true)
			.add(AuditEntity.id().eq(id))
			.addOrder(AuditEntity.revisionNumber().asc())
			.getResultList();
		EntityType<?> model = entityManager.getMetamodel().entity(type);
		Locale locale = LocaleContextHolder.getLocale();
		List<Revision> result = new ArrayList<>();
		Object previous = null;
		for (Object[] row : rows) {
			Object snapshot = row[0];
			AuditRevision revision = (AuditRevision) row[1];
			RevisionType kind = (RevisionType) row[2];
			List<Change> changes = new ArrayList<>();
			for (Attribute<?, ?> attribute : model.getAttributes()) {
				if (IGNORED.contains(attribute.getName()) || kind == RevisionType.DEL) {
					continue;
				}
				String before = previous == null ? "" : render(read(previous, attribute), locale);
				String after = render(read(snapshot, attribute), locale);
				if (!Objects.equals(before, after)) {
					changes.add(new Change(fieldLabel(type, attribute.getName(), locale), before, after));
				}
			}
			String kindLabel = messages.getMessage("history.kind." + kind.name(), null, kind.name(), locale);
			result.add(new Revision(revision.getId(), revision.getInstant(), revision.getUsername(), kindLabel,
					changes));
			previous = snapshot;
		}
		java.util.Collections.reverse(result);
		return result;
	}

	private String fieldLabel(Class<?> type, String attribute, Locale locale) {
		String specific = "field." + type.getSimpleName() + "." + attribute;
		String general = "field." + attribute;
		return messages.getMessage(specific, null,
				messages.getMessage(general, null, attribute, locale), locale);
	}

	private static Object read(Object entity, Attribute<?, ?> attribute) {
		try {
			java.lang.reflect.Member member = attribute.getJavaMember();
			if (member instanceof java.lang.reflect.Field field) {
				field.setAccessible(true);
				return field.get(entity);
			}
			if (member instanceof java.lang.reflect.Method method) {
				method.setAccessible(true);
				return method.invoke(entity);
			}
			return null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// A reference to a row that was deleted later cannot be loaded; show it as empty.
			return null;
		}
	}

	private String render(Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		for (ValueLabels named : labels) {
			java.util.Optional<String> label = named.label(value, locale);
			if (label.isPresent()) {
				return label.get();
			}
		}
		if (value instanceof Collection<?> collection) {
			try {
				return collection.stream().map(v -> render(v, locale)).sorted().reduce((a, b) -> a + ", " + b)
					.orElse("");
			}
			catch (RuntimeException ex) {
				return "";
			}
		}
		if (value instanceof Labelled labelled) {
			try {
				return labelled.label();
			}
			catch (RuntimeException ex) {
				return "";
			}
		}
		if (value instanceof Enum<?> e) {
			return messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
					e.name(), locale);
		}
		if (value instanceof Boolean b) {
			return messages.getMessage(b ? "common.yes" : "common.no", null, b.toString(), locale);
		}
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		if (value instanceof Instant instant) {
			return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(instant.atZone(ZoneId.systemDefault()));
		}
		return value.toString();
	}
}
