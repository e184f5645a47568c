package de.leitstand.monitoring;

import java.util.UUID;

/**
 * Published when a milestone was created or changed.
 *
 * @param published whether the milestone is released for the public monitor now
 * @param wasPublished whether it was before the change (a withdrawn milestone must leave the public monitor too)
 */
public record MilestoneChanged(UUID projectId, UUID milestoneId, boolean published, boolean wasPublished) {

	/** Whether the public monitor shows (or showed) this milestone. */
	public boolean affectsPublic() {
		return published || wasPublished;
	}
}
