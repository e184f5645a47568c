package de.leitstand.organization.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.organization.Role;
import de.leitstand.organization.UserDirectory;
import de.leitstand.shared.validation.PlainText;

/**
 * Reads org units and user accounts for sign-in and for other modules.
 */
@Service
@Transactional(readOnly = true)
class OrganizationDirectory implements OrgUnitDirectory, UserDirectory, UserDetailsService {

	private final OrgUnits units;
	private final UserAccounts accounts;

	OrganizationDirectory(OrgUnits units, UserAccounts accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!PlainText.Validator.isPlain(username)) {
			// no account has such a name, and PostgreSQL would refuse a NUL in the query (sign-in is a POST and
			// its parameters are not cleaned)
			throw new UsernameNotFoundException("unknown user");
		}
		return accounts.findByUsernameIgnoreCase(username)
			.map(UserAccount::toUser)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Override
	public List<UserSummary> withRole(Role role) {
		return accounts.findAllByOrderByUsernameAsc().stream()
			.filter(a -> a.isEnabled() && a.getRoles().contains(role))
			.map(OrganizationDirectory::summary)
			.sorted(Comparator.comparing(UserSummary::displayName))
			.toList();
	}

	@Override
	public Optional<UserSummary> findByUsername(String username) {
		return username == null || !PlainText.Validator.isPlain(username) ? Optional.empty()
				: accounts.findByUsernameIgnoreCase(username.trim()).map(OrganizationDirectory::summary);
	}

	private static UserSummary summary(UserAccount a) {
		return new UserSummary(a.getId(), a.getUsername(), a.getDisplayName(), java.util.Set.copyOf(a.getRoles()));
	}

	@Override
	public List<OrgUnitView> tree() {
		List<OrgUnit> all = units.findAllByOrderByCodeAsc();
		Map<UUID, List<OrgUnit>> children = new HashMap<>();
		List<OrgUnit> roots = new ArrayList<>();
		for (OrgUnit unit : all) {
			if (unit.getParent() == null) {
				roots.add(unit);
			}
			else {
				children.computeIfAbsent(unit.getParent().getId(), k -> new ArrayList<>()).add(unit);
			}
		}
		List<OrgUnitView> result = new ArrayList<>();
		roots.sort(Comparator.comparing(OrgUnit::getCode));
		for (OrgUnit root : roots) {
			walk(root, 0, children, result);
		}
		return result;
	}

	private void walk(OrgUnit unit, int depth, Map<UUID, List<OrgUnit>> children, List<OrgUnitView> out) {
		out.add(view(unit, depth));
		for (OrgUnit child : children.getOrDefault(unit.getId(), List.of())) {
			walk(child, depth + 1, children, out);
		}
	}

	@Override
	public Optional<OrgUnitView> find(UUID id) {
		return id == null ? Optional.empty() : units.findById(id).map(u -> view(u, depthOf(u)));
	}

	@Override
	public Optional<OrgUnitView> findByCode(String code) {
		return code == null ? Optional.empty() : units.findByCodeIgnoreCase(code.trim()).map(u -> view(u, depthOf(u)));
	}

	private static int depthOf(OrgUnit unit) {
		int depth = 0;
		for (OrgUnit u = unit.getParent(); u != null; u = u.getParent()) {
			depth++;
		}
		return depth;
	}

	static OrgUnitView view(OrgUnit unit, int depth) {
		return new OrgUnitView(unit.getId(), unit.getCode(), unit.getName(), unit.getShortName(), unit.getType(),
				unit.getParent() == null ? null : unit.getParent().getId(), depth, unit.isActive());
	}
}
