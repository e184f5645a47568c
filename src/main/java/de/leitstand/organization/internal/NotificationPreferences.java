package de.leitstand.organization.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationPreferences extends JpaRepository<NotificationPreference, NotificationPreference.Key> {

	List<NotificationPreference> findAllByUserId(UUID userId);
}
