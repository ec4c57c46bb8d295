package nl.ketenpoort.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.ketenpoort.gateway.audit.internal.AuditField.Hashing;
import nl.ketenpoort.gateway.audit.internal.AuditField.Json;
import nl.ketenpoort.gateway.audit.internal.AuditField.Type;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * The fields of the audit event, declared once: the row mapping ({@link AuditRows}), the
 * CSV columns, the API's and the console's JSON and the hashed members added after the
 * fixed canonical form all iterate this list. Adding a field is its migration, its entry
 * here (and in {@link #record}) and, when events set it, its member in {@link AuditEvent}
 * (see {@code docs/extending.md}).
 * <p>
 * The order is the CSV column order; the JSON views follow it too. The Logboek and the
 * HTML exports and {@code audit-event.schema.json} are still written by hand.
 */
public final class AuditFields {

	private static final Set<AuditView> ALL_VIEWS = AuditField.all();

	private static final Set<AuditView> API_ONLY = Set.of(AuditView.API);

	private static final Set<AuditView> JSON = Set.of(AuditView.API, AuditView.CONSOLE);

	private static final Set<AuditView> NO_VIEW = Set.of();

	static final AuditField POSITION = field("position", Type.BIGINT, Hashing.NO, "position", Json.ALWAYS, ALL_VIEWS,
			AuditRecord::position);

	static final AuditField EVENT_ID = field("event_id", Type.UUID, Hashing.FIXED, "eventId", Json.ALWAYS, API_ONLY,
			AuditRecord::eventId);

	static final AuditField RECORDED_AT = field("recorded_at", Type.TIMESTAMP, Hashing.FIXED, "recordedAt", Json.ALWAYS,
			ALL_VIEWS, AuditRecord::recordedAt);

	static final AuditField EVENT_TYPE = field("event_type", Type.TEXT, Hashing.FIXED, "type", Json.ALWAYS, ALL_VIEWS,
			(r) -> r.event().type().code());

	static final AuditField OUTCOME = field("outcome", Type.TEXT, Hashing.FIXED, "outcome", Json.ALWAYS, ALL_VIEWS,
			(r) -> r.event().outcome().name());

	static final AuditField REASON_CODE = field("reason_code", Type.TEXT, Hashing.FIXED, "reasonCode", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().reasonCode());

	static final AuditField PURPOSE = field("purpose", Type.TEXT, Hashing.FIXED, "purpose", Json.WHEN_SET, ALL_VIEWS,
			(r) -> r.event().purpose());

	static final AuditField LEGAL_BASIS = field("legal_basis", Type.TEXT, Hashing.FIXED, "legalBasis", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().legalBasis());

	static final AuditField SENDER = field("sender", Type.TEXT, Hashing.FIXED, "sender", Json.WHEN_SET, ALL_VIEWS,
			(r) -> r.event().sender());

	static final AuditField RECIPIENT = field("recipient", Type.TEXT, Hashing.FIXED, "recipient", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().recipient());

	static final AuditField DOCUMENT_TYPE = field("document_type", Type.TEXT, Hashing.FIXED, "documentType",
			Json.WHEN_SET, ALL_VIEWS, (r) -> r.event().documentType());

	static final AuditField FIELD_NAMES = field("field_names", Type.TEXT_ARRAY, Hashing.FIXED, "fieldNames",
			Json.ALWAYS, ALL_VIEWS, (r) -> r.event().fieldNames());

	static final AuditField CONSENT_ID = field("consent_id", Type.UUID, Hashing.FIXED, "consentId", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().consentId());

	static final AuditField EXCHANGE_ID = field("exchange_id", Type.UUID, Hashing.FIXED, "exchangeId", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().exchangeId());

	static final AuditField SUBJECT_REF = field("subject_ref", Type.TEXT, Hashing.FIXED, "subjectRef", Json.WHEN_SET,
			ALL_VIEWS, (r) -> r.event().subjectRef());

	static final AuditField ACTOR_KIND = field("actor_kind", Type.TEXT, Hashing.FIXED, "actor.kind", Json.ALWAYS,
			ALL_VIEWS, (r) -> r.event().actor().kind());

	static final AuditField ACTOR_ID = field("actor_id", Type.TEXT, Hashing.FIXED, "actor.id", Json.ALWAYS, API_ONLY,
			(r) -> r.event().actor().id());

	static final AuditField ACTOR_ROLE = field("actor_role", Type.TEXT, Hashing.FIXED, "actor.role",
			Json.EMPTY_WHEN_NULL, ALL_VIEWS, (r) -> r.event().actor().role());

	static final AuditField ACTOR_ORGANISATION = field("actor_organisation", Type.TEXT, Hashing.FIXED,
			"actor.organisation", Json.EMPTY_WHEN_NULL, API_ONLY, (r) -> r.event().actor().organisation());

	static final AuditField PAYLOAD_SHA256 = field("payload_sha256", Type.TEXT, Hashing.FIXED, "payloadSha256",
			Json.WHEN_SET, JSON, (r) -> r.event().payloadSha256());

	static final AuditField PARTNER_STATUS = field("partner_status", Type.INTEGER, Hashing.FIXED, "partnerStatus",
			Json.WHEN_SET, API_ONLY, (r) -> r.event().partnerStatus());

	static final AuditField TRACE_ID = field("trace_id", Type.TEXT, Hashing.FIXED, "traceId", Json.ALWAYS,
			Set.of(AuditView.API, AuditView.CSV), (r) -> trace(r, AuditTrace::traceId));

	static final AuditField PARENT_OPERATION_ID = field("parent_operation_id", Type.TEXT, Hashing.FIXED,
			"parentOperationId", Json.WHEN_SET, API_ONLY, (r) -> trace(r, AuditTrace::parentOperationId));

	static final AuditField FOREIGN_TRACE_ID = field("foreign_trace_id", Type.TEXT, Hashing.FIXED, "foreignTraceId",
			Json.WHEN_SET, NO_VIEW, (r) -> trace(r, AuditTrace::foreignTraceId));

	static final AuditField FOREIGN_OPERATION_ID = field("foreign_operation_id", Type.TEXT, Hashing.FIXED,
			"foreignOperationId", Json.WHEN_SET, API_ONLY, (r) -> trace(r, AuditTrace::foreignOperationId));

	static final AuditField OPERATION_ID = field("operation_id", Type.TEXT, Hashing.FIXED, "operationId", Json.ALWAYS,
			API_ONLY, AuditRecord::operationId);

	static final AuditField STARTED_AT = field("started_at", Type.TIMESTAMP, Hashing.FIXED, "startedAt", Json.WHEN_SET,
			NO_VIEW, (r) -> r.event().startedAt());

	/** Written as the recording time; the record does not carry it. */
	static final AuditField ENDED_AT = field("ended_at", Type.TIMESTAMP, Hashing.NO, "endedAt", Json.WHEN_SET, NO_VIEW,
			AuditRecord::recordedAt);

	static final AuditField PREV_HASH = field("prev_hash", Type.TEXT, Hashing.NO, "prevHash", Json.ALWAYS, NO_VIEW,
			AuditRecord::prevHash);

	static final AuditField HASH = field("hash", Type.TEXT, Hashing.NO, "hash", Json.ALWAYS, ALL_VIEWS,
			AuditRecord::hash);

	/** Only events of a mandate carry it; the fixed canonical form adds it when set. */
	static final AuditField ACTOR_MANDATE = field("actor_mandate", Type.UUID, Hashing.FIXED, "actor.mandate",
			Json.WHEN_SET, Set.of(AuditView.API, AuditView.CSV), (r) -> r.event().actor().mandate());

	/** Every field, in CSV column order. */
	public static final List<AuditField> ALL = List.of(POSITION, EVENT_ID, RECORDED_AT, EVENT_TYPE, OUTCOME,
			REASON_CODE, PURPOSE, LEGAL_BASIS, SENDER, RECIPIENT, DOCUMENT_TYPE, FIELD_NAMES, CONSENT_ID, EXCHANGE_ID,
			SUBJECT_REF, ACTOR_KIND, ACTOR_ID, ACTOR_ROLE, ACTOR_ORGANISATION, PAYLOAD_SHA256, PARTNER_STATUS, TRACE_ID,
			PARENT_OPERATION_ID, FOREIGN_TRACE_ID, FOREIGN_OPERATION_ID, OPERATION_ID, STARTED_AT, ENDED_AT, PREV_HASH,
			HASH, ACTOR_MANDATE);

	/** The fields the canonical form appends when set, in order. */
	static final List<AuditField> HASHED_WHEN_SET = ALL.stream()
		.filter((field) -> field.hashing() == Hashing.WHEN_SET)
		.toList();

	/** The column list of {@link #ALL}, for SELECT, INSERT and COPY. */
	public static final String COLUMNS = ALL.stream().map(AuditField::column).collect(Collectors.joining(", "));

	private static final Map<AuditField, Integer> INDEX = new IdentityHashMap<>();

	static {
		for (int i = 0; i < ALL.size(); i++) {
			INDEX.put(ALL.get(i), i);
		}
	}

	private AuditFields() {
	}

	/**
	 * The record a row holds, from the values of {@link #ALL} in order: the one place
	 * that assembles an event from its fields.
	 */
	static AuditRecord record(AuditField.Row row) {
		AuditTrace trace = new AuditTrace(row.text(TRACE_ID), row.text(PARENT_OPERATION_ID), row.text(FOREIGN_TRACE_ID),
				row.text(FOREIGN_OPERATION_ID));
		AuditActor actor = new AuditActor(row.text(ACTOR_KIND), row.text(ACTOR_ID), row.text(ACTOR_ROLE),
				row.text(ACTOR_ORGANISATION), row.uuid(ACTOR_MANDATE));
		AuditEvent event = new AuditEvent(AuditEventType.fromCode(row.text(EVENT_TYPE)),
				AuditOutcome.valueOf(row.text(OUTCOME)), row.text(REASON_CODE), actor, row.text(PURPOSE),
				row.text(LEGAL_BASIS), row.uuid(CONSENT_ID), row.text(SUBJECT_REF), row.text(SENDER),
				row.text(RECIPIENT), row.text(DOCUMENT_TYPE), row.uuid(EXCHANGE_ID), row.strings(FIELD_NAMES),
				row.text(PAYLOAD_SHA256), row.integer(PARTNER_STATUS), row.instant(STARTED_AT), trace);
		return new AuditRecord(row.bigint(POSITION), row.uuid(EVENT_ID), row.instant(RECORDED_AT),
				row.text(OPERATION_ID), event, row.text(PREV_HASH), row.text(HASH));
	}

	/**
	 * Reads a row of {@link #COLUMNS} by index, cheaper than by name over millions of
	 * rows.
	 */
	public static AuditRecord read(ResultSet rs) throws SQLException {
		Object[] values = new Object[ALL.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = ALL.get(i).type().read(rs, i + 1);
		}
		return record(new AuditField.Row(values));
	}

	/** The row's column values for {@link #COLUMNS}, in order. */
	public static Object[] parameters(AuditRecord record) {
		Object[] parameters = new Object[ALL.size()];
		for (int i = 0; i < parameters.length; i++) {
			AuditField field = ALL.get(i);
			parameters[i] = field.type().parameter(field.of(record));
		}
		return parameters;
	}

	/**
	 * The columns a view shows, in order.
	 * @param view the view
	 * @return its fields
	 */
	public static List<AuditField> shownIn(AuditView view) {
		return shownIn(ALL, view);
	}

	static List<AuditField> shownIn(List<AuditField> fields, AuditView view) {
		return fields.stream().filter((field) -> field.views().contains(view)).toList();
	}

	/** The CSV header: the snake_case names of the CSV fields. */
	static String[] csvHeader() {
		return csvHeader(ALL);
	}

	static String[] csvHeader(List<AuditField> fields) {
		return shownIn(fields, AuditView.CSV).stream().map(AuditField::name).toArray(String[]::new);
	}

	/** One CSV row, cells as text. */
	static List<@Nullable String> csvRow(AuditRecord record) {
		return csvRow(ALL, record);
	}

	static List<@Nullable String> csvRow(List<AuditField> fields, AuditRecord record) {
		return shownIn(fields, AuditView.CSV).stream().map((field) -> field.csv(record)).toList();
	}

	/**
	 * One event in a JSON view: camelCase members, a dotted name nested
	 * ({@code actor.kind} in {@code actor}).
	 * @param record the event
	 * @param view {@link AuditView#API} or {@link AuditView#CONSOLE}
	 * @return the members in declaration order
	 */
	public static Map<String, Object> json(AuditRecord record, AuditView view) {
		return json(ALL, record, view);
	}

	static Map<String, Object> json(List<AuditField> fields, AuditRecord record, AuditView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (AuditField field : shownIn(fields, view)) {
			Object value = field.json(record);
			if (value == null && field.json() == Json.WHEN_SET) {
				continue;
			}
			if (value == null && field.json() == Json.EMPTY_WHEN_NULL) {
				value = "";
			}
			Map<String, Object> into = json;
			String name = field.apiName();
			int dot = name.indexOf('.');
			if (dot > 0) {
				into = nested(json, name.substring(0, dot));
				name = name.substring(dot + 1);
			}
			into.put(name, value);
		}
		return json;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> json, String name) {
		return (Map<String, Object>) json.computeIfAbsent(name, (key) -> new LinkedHashMap<String, Object>());
	}

	public static int index(AuditField field) {
		return INDEX.get(field);
	}

	private static @Nullable String trace(AuditRecord record, Function<AuditTrace, @Nullable String> part) {
		AuditTrace trace = record.event().trace();
		return (trace != null) ? part.apply(trace) : null;
	}

	private static AuditField field(String name, Type type, Hashing hashing, String apiName, Json json,
			Set<AuditView> views, Function<AuditRecord, @Nullable Object> value) {
		return new AuditField(name, name, type, hashing, apiName, json, views, value);
	}

}
