package de.leitstand.organization.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.OrgUnitType;
import de.leitstand.organization.Role;
import de.leitstand.shared.DemoMode;

/**
 * First start: demo org units and accounts in demo mode; otherwise a single {@code admin} whose password comes
 * from {@code LEITSTAND_ADMIN_PASSWORD} or is generated and printed once.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "leitstand-demo";
	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	private final OrgUnits units;
	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final DemoMode demo;
	private final String adminPassword;

	AccountBootstrap(OrgUnits units, UserAccounts accounts, PasswordEncoder encoder, DemoMode demo,
			@Value("${leitstand.admin-password:}") String adminPassword) {
		this.units = units;
		this.accounts = accounts;
		this.encoder = encoder;
		this.demo = demo;
		this.adminPassword = adminPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (demo.isEnabled()) {
			if (units.count() == 0) {
				createDemoUnits();
			}
			createDemoAccounts();
		}
		else if (accounts.count() == 0) {
			createFirstAdmin();
		}
	}

	private void createFirstAdmin() {
		String password = adminPassword;
		if (password == null || password.isBlank()) {
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			log.warn("Created the first administrator 'admin' with the generated password: {} "
					+ "(shown only this once; change it after signing in)", password);
		}
		else {
			// The password policy holds for every password that is set, the first one included.
			PasswordPolicy.check("admin", password).ifPresent(key -> {
				throw new IllegalStateException("LEITSTAND_ADMIN_PASSWORD does not meet the password policy ("
						+ key + ", at least " + PasswordPolicy.MIN_LENGTH + " characters, not the username)");
			});
			log.info("Created the first administrator 'admin' with the password from LEITSTAND_ADMIN_PASSWORD");
		}
		accounts.save(new UserAccount("admin", "Administration", null, encoder.encode(password),
				EnumSet.of(Role.ADMIN), null));
	}

	private void createDemoAccounts() {
		demoAccount("admin", "Alex Admin (Beispiel)", Set.of(Role.ADMIN), null);
		demoAccount("portfolio", "Paula Portfolio (Beispiel)", Set.of(Role.PORTFOLIO_MANAGER), "AMT-17");
		demoAccount("lead", "Lena Lead (Beispiel)", Set.of(Role.PROJECT_LEAD), "AMT-51");
		demoAccount("lead2", "Lars Lead (Beispiel)", Set.of(Role.PROJECT_LEAD), "AMT-63");
		demoAccount("evaluator", "Erik Evaluator (Beispiel)", Set.of(Role.EVALUATOR), "AMT-17");
		demoAccount("board", "Berta Board (Beispiel)", Set.of(Role.BOARD), null);
		demoAccount("reader", "Rudi Reader (Beispiel)", Set.of(Role.READER), "AMT-10");
	}

	private void demoAccount(String username, String name, Set<Role> roles, String unitCode) {
		if (accounts.existsByUsernameIgnoreCase(username)) {
			return;
		}
		OrgUnit unit = unitCode == null ? null : units.findByCodeIgnoreCase(unitCode).orElse(null);
		accounts.save(new UserAccount(username, name, username + "@leitstand.example", encoder.encode(DEMO_PASSWORD),
				roles, unit));
	}

	private void createDemoUnits() {
		OrgUnit akr = unit("REF-AKR", "Referat Allgemeine Verwaltung, Kultur und Recht", "Referat AKR",
				OrgUnitType.REFERAT, null);
		unit("AMT-10", "Haupt- und Personalamt", null, OrgUnitType.AMT, akr);
		OrgUnit doit = unit("AMT-17", "Amt für Digitalisierung, Organisation und IT", "DOIT", OrgUnitType.AMT, akr);
		unit("ABT-17-1", "Abteilung Digitale Strategie und Portfoliosteuerung", null, OrgUnitType.ABTEILUNG, doit);
		unit("ABT-17-2", "Abteilung IT-Betrieb", null, OrgUnitType.ABTEILUNG, doit);
		unit("AMT-34", "Standesamt", null, OrgUnitType.AMT, akr);
		OrgUnit wfb = unit("REF-WFB", "Referat Wirtschaft, Finanzen und Beteiligungen", "Referat WFB",
				OrgUnitType.REFERAT, null);
		unit("AMT-20", "Kämmereiamt", null, OrgUnitType.AMT, wfb);
		unit("AMT-23", "Liegenschaftsamt", null, OrgUnitType.AMT, wfb);
		OrgUnit sos = unit("REF-SOS", "Referat Soziales und gesellschaftliche Integration", "Referat SOS",
				OrgUnitType.REFERAT, null);
		unit("AMT-50", "Sozialamt", null, OrgUnitType.AMT, sos);
		unit("AMT-51", "Jugendamt", null, OrgUnitType.AMT, sos);
		OrgUnit jb = unit("REF-JB", "Referat Jugend und Bildung", "Referat JB", OrgUnitType.REFERAT, null);
		unit("AMT-40", "Schulverwaltungsamt", null, OrgUnitType.AMT, jb);
		OrgUnit soi = unit("REF-SOI", "Referat Sicherheit, Ordnung und Sport", "Referat SOI", OrgUnitType.REFERAT,
				null);
		unit("AMT-32", "Amt für öffentliche Ordnung", null, OrgUnitType.AMT, soi);
		unit("AMT-33", "Bürgerservice und Bürgerbüros", null, OrgUnitType.AMT, soi);
		OrgUnit swu = unit("REF-SWU", "Referat Städtebau, Wohnen und Umwelt", "Referat SWU", OrgUnitType.REFERAT,
				null);
		unit("AMT-61", "Amt für Stadtplanung und Wohnen", null, OrgUnitType.AMT, swu);
		unit("AMT-63", "Baurechtsamt", null, OrgUnitType.AMT, swu);
		unit("AMT-36", "Amt für Umweltschutz", null, OrgUnitType.AMT, swu);
		OrgUnit t = unit("REF-T", "Referat Mobilität und Technik", "Referat T", OrgUnitType.REFERAT, null);
		unit("AMT-66", "Tiefbauamt", null, OrgUnitType.AMT, t);
		unit("EB-AWS", "Abfallwirtschaft (Eigenbetrieb)", "AWS", OrgUnitType.EIGENBETRIEB, t);
		unit("EB-BB", "Bäderbetriebe (Eigenbetrieb)", "Bäder", OrgUnitType.EIGENBETRIEB, soi);
	}

	private OrgUnit unit(String code, String name, String shortName, OrgUnitType type, OrgUnit parent) {
		return units.save(new OrgUnit(code, name, shortName, type, parent));
	}
}
