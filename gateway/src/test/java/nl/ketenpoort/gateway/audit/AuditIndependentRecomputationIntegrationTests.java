package nl.ketenpoort.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outside auditor's recomputation: the stored form 2 hashes, recomputed from the rows
 * with plain JDBC, the member table of {@code docs/audit-formats.md} and the small RFC
 * 8785 implementation of the test tree ({@link IndependentJcs}), sharing no code with the
 * gateway's hashing, give the same bytes.
 */
class AuditIndependentRecomputationIntegrationTests extends GatewayIntegrationTest {

	private static final Pattern MEMBER_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| `([a-z\\[\\]]+)` \\|",
			Pattern.MULTILINE);

	@Autowired
	private AuditTrail trail;

	@Autowired
	Fixtures fixtures;

	@Autowired
	private DataSource dataSource;

	@Test
	void storedFormTwoHashesRecomputeFromThePublishedDescription() throws Exception {
		// given: events of several kinds, the new fields among them, beside whatever the
		// suite recorded before
		for (int i = 0; i < 5; i++) {
			this.trail.append(AuditChainIntegrationTests.sampleEvent(500 + i)
				.toBuilder()
				.with(AuditFields.STATEMENT_ID, UUID.randomUUID())
				.with(AuditFields.FSC_TRANSACTION_ID, UUID.randomUUID())
				.with(AuditFields.LEGAL_BASIS_REFERENCE, "wi2021-art-2.3")
				.with(AuditFields.ACTOR_ON_BEHALF_OF, "vnr_" + "B".repeat(43))
				.build());
		}
		this.trail.append(AuditEvent.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, AuditActor.SYSTEM)
			.reason("NO_CONSENT")
			.build());
		Map<String, String> members = documentedMembers();

		// when: every recent form 2 row recomputed
		int recomputed = 0;
		Set<String> seen = new HashSet<>();
		this.fixtures.chained();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT * FROM audit_event WHERE form = 2 ORDER BY position DESC LIMIT 300");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				Map<String, Object> object = new HashMap<>();
				for (Map.Entry<String, String> member : members.entrySet()) {
					Object value = value(rs, member.getKey(), member.getValue());
					if (value != null) {
						object.put(member.getKey(), value);
						seen.add(member.getKey());
					}
				}
				object.put("v", 2L);
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				sha256.update(rs.getString("prev_hash").getBytes(StandardCharsets.US_ASCII));
				sha256.update(IndependentJcs.serialize(object).getBytes(StandardCharsets.UTF_8));
				assertThat(HexFormat.of().formatHex(sha256.digest()))
					.as("position %d: %s", rs.getLong("position"), IndependentJcs.serialize(object))
					.isEqualTo(rs.getString("hash"));
				recomputed++;
			}
		}

		// then
		assertThat(recomputed).isGreaterThanOrEqualTo(6);
		assertThat(seen).contains("statement_id", "fsc_transaction_id", "legal_basis_reference", "actor_on_behalf_of",
				"field_names", "recorded_at", "partner_status", "reason_code", "payload_sha256");
	}

	/** The member table of docs/audit-formats.md: name and column type, "v" aside. */
	private static Map<String, String> documentedMembers() throws Exception {
		String document = Files.readString(Path.of("..", "docs", "audit-formats.md"), StandardCharsets.UTF_8);
		Map<String, String> members = new LinkedHashMap<>();
		Matcher matcher = MEMBER_ROW.matcher(document);
		while (matcher.find()) {
			members.put(matcher.group(1), matcher.group(2));
		}
		assertThat(members).containsKeys("event_id", "recorded_at", "statement_id").hasSizeGreaterThan(30);
		return members;
	}

	/** A column's value as form 2 writes it, or null when the member is left out. */
	private static Object value(ResultSet rs, String column, String type) throws Exception {
		switch (type) {
			case "text" -> {
				return rs.getString(column);
			}
			case "uuid" -> {
				String uuid = rs.getString(column);
				return (uuid != null) ? uuid.toLowerCase(java.util.Locale.ROOT) : null;
			}
			case "timestamptz" -> {
				OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
				if (time == null) {
					return null;
				}
				OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
				return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", utc.getYear(), utc.getMonthValue(),
						utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano() / 1000);
			}
			case "integer", "bigint" -> {
				long number = rs.getLong(column);
				return rs.wasNull() ? null : number;
			}
			case "text[]" -> {
				Array array = rs.getArray(column);
				if (array == null) {
					return null;
				}
				List<Object> items = Arrays.asList((Object[]) array.getArray());
				return items.isEmpty() ? null : items;
			}
			default -> throw new AssertionError("a column type the document does not define: " + type);
		}
	}

}
