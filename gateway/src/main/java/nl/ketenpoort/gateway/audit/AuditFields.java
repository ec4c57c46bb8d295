package nl.ketenpoort.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.ketenpoort.gateway.audit.internal.AuditField.Hashing;
import nl.ketenpoort.gateway.audit.internal.AuditField.Json;
import nl.ketenpoort.gateway.audit.internal.AuditField.Type;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditShape;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * The fields of the audit event, declared once: the catalogue every shape of an event is
 * made from. The row mapping, the canonical form v2 that the chain hashes (RFC 8785 of
 * the hashed fields), the API's and the console's JSON, the CSV columns, the Logboek
 * Dataverwerkingen attributes, the HTML export for an Art. 15 request and the published
 * {@code audit-event.schema.json} all iterate {@link #CATALOGUE}. A new field is one
 * {@link AuditField#extra} entry here and its column (see {@code docs/extending.md} and
 * {@code docs/audit-formats.md}).
 * <p>
 * The order is the CSV column order; the JSON views follow it too.
 */
public final class AuditFields {

	private static final Set<AuditView> ALL_VIEWS = AuditField.all();

	private static final Set<AuditView> API_ONLY = Set.of(AuditView.API);

	private static final Set<AuditView> API_CSV = Set.of(AuditView.API, AuditView.CSV);

	private static final Set<AuditView> JSON = Set.of(AuditView.API, AuditView.CONSOLE);

	/** The tabular views and the Logboek attributes, not the Art. 15 page. */
	private static final Set<AuditView> RECORDS = Set.of(AuditView.API, AuditView.CONSOLE, AuditView.CSV,
			AuditView.LOGBOEK);

	private static final Set<AuditView> NO_VIEW = Set.of();

	/** The tables, not the Logboek (its envelope carries these) nor the Art. 15 page. */
	private static final Set<AuditView> TABLES = Set.of(AuditView.API, AuditView.CONSOLE, AuditView.CSV);

	/** The tables and the Art. 15 page. */
	private static final Set<AuditView> ENVELOPE = Set.of(AuditView.API, AuditView.CONSOLE, AuditView.CSV,
			AuditView.HTML);

	static final AuditField POSITION = field("position", Type.BIGINT, Hashing.NO, "position", Json.WHEN_CHAINED, TABLES,
			AuditShape.NUMBER, "Position", (r) -> r.chained() ? r.position() : null);

	static final AuditField EVENT_ID = field("event_id", Type.UUID, Hashing.YES, "eventId", Json.ALWAYS, API_ONLY,
			AuditShape.UUID, "Event", AuditRecord::eventId);

	static final AuditField RECORDED_AT = field("recorded_at", Type.TIMESTAMP, Hashing.YES, "recordedAt", Json.ALWAYS,
			ENVELOPE, AuditShape.TIMESTAMP, "When", AuditRecord::recordedAt);

	static final AuditField EVENT_TYPE = field("event_type", Type.TEXT, Hashing.YES, "type", Json.ALWAYS, ENVELOPE,
			AuditShape.ENUMERATED, "What", (r) -> r.event().type().code());

	static final AuditField OUTCOME = field("outcome", Type.TEXT, Hashing.YES, "outcome", Json.ALWAYS, ENVELOPE,
			AuditShape.ENUMERATED, "Outcome", (r) -> r.event().outcome().name());

	static final AuditField REASON_CODE = field("reason_code", Type.TEXT, Hashing.YES, "reasonCode", Json.WHEN_SET,
			RECORDS, AuditShape.CODE, "Reason", (r) -> r.event().reasonCode());

	static final AuditField PURPOSE = field("purpose", Type.TEXT, Hashing.YES, "purpose", Json.WHEN_SET, ALL_VIEWS,
			AuditShape.LOWER_CODE, "Purpose", (r) -> r.event().purpose())
		.withLogboek("dpl.core.processing_activity_id");

	static final AuditField LEGAL_BASIS = field("legal_basis", Type.TEXT, Hashing.YES, "legalBasis", Json.WHEN_SET,
			RECORDS, AuditShape.LOWER_CODE, "Lawful basis", (r) -> r.event().legalBasis())
		.withLogboek("dpl.core.legal_basis");

	static final AuditField SENDER = field("sender", Type.TEXT, Hashing.YES, "sender", Json.WHEN_SET, ALL_VIEWS,
			AuditShape.PARTNERS, "From", (r) -> r.event().sender());

	static final AuditField RECIPIENT = field("recipient", Type.TEXT, Hashing.YES, "recipient", Json.WHEN_SET,
			ALL_VIEWS, AuditShape.PARTNERS, "To", (r) -> r.event().recipient());

	static final AuditField DOCUMENT_TYPE = field("document_type", Type.TEXT, Hashing.YES, "documentType",
			Json.WHEN_SET, ALL_VIEWS, AuditShape.DOCUMENT_TYPE, "Document", (r) -> r.event().documentType());

	static final AuditField FIELD_NAMES = field("field_names", Type.TEXT_ARRAY, Hashing.YES, "fieldNames", Json.ALWAYS,
			ALL_VIEWS, AuditShape.FIELD_NAME, "Fields", (r) -> r.event().fieldNames());

	static final AuditField CONSENT_ID = field("consent_id", Type.UUID, Hashing.YES, "consentId", Json.WHEN_SET,
			RECORDS, AuditShape.UUID, "Consent", (r) -> r.event().consentId());

	static final AuditField EXCHANGE_ID = field("exchange_id", Type.UUID, Hashing.YES, "exchangeId", Json.WHEN_SET,
			RECORDS, AuditShape.UUID, "Exchange", (r) -> r.event().exchangeId());

	static final AuditField SUBJECT_REF = field("subject_ref", Type.TEXT, Hashing.YES, "subjectRef", Json.WHEN_SET,
			RECORDS, AuditShape.PSEUDONYM, "Data subject", (r) -> r.event().subjectRef())
		.withLogboek("dpl.core.data_subject_id");

	static final AuditField ACTOR_KIND = field("actor_kind", Type.TEXT, Hashing.YES, "actor.kind", Json.ALWAYS, TABLES,
			AuditShape.LOWER_CODE, "Actor kind", (r) -> r.event().actor().kind());

	static final AuditField ACTOR_ID = field("actor_id", Type.TEXT, Hashing.YES, "actor.id", Json.ALWAYS, API_ONLY,
			AuditShape.ACTOR_ID, "Actor", (r) -> r.event().actor().id());

	static final AuditField ACTOR_ROLE = field("actor_role", Type.TEXT, Hashing.YES, "actor.role", Json.EMPTY_WHEN_NULL,
			TABLES, AuditShape.CODE, "Actor role", (r) -> r.event().actor().role());

	static final AuditField ACTOR_ORGANISATION = field("actor_organisation", Type.TEXT, Hashing.YES,
			"actor.organisation", Json.EMPTY_WHEN_NULL, API_ONLY, AuditShape.LOWER_CODE, "Actor organisation",
			(r) -> r.event().actor().organisation());

	static final AuditField PAYLOAD_SHA256 = field("payload_sha256", Type.TEXT, Hashing.YES, "payloadSha256",
			Json.WHEN_SET, Set.of(AuditView.API, AuditView.CONSOLE, AuditView.LOGBOEK), AuditShape.SHA256,
			"Payload digest", (r) -> r.event().payloadSha256());

	static final AuditField PARTNER_STATUS = field("partner_status", Type.INTEGER, Hashing.YES, "partnerStatus",
			Json.WHEN_SET, API_ONLY, AuditShape.NUMBER, "Partner status", (r) -> r.event().partnerStatus());

	static final AuditField TRACE_ID = field("trace_id", Type.TEXT, Hashing.YES, "traceId", Json.ALWAYS, API_CSV,
			AuditShape.TRACE_ID, "Trace", (r) -> trace(r, AuditTrace::traceId));

	static final AuditField PARENT_OPERATION_ID = field("parent_operation_id", Type.TEXT, Hashing.YES,
			"parentOperationId", Json.WHEN_SET, API_ONLY, AuditShape.OPERATION_ID, "Parent operation",
			(r) -> trace(r, AuditTrace::parentOperationId));

	static final AuditField FOREIGN_TRACE_ID = field("foreign_trace_id", Type.TEXT, Hashing.YES, "foreignTraceId",
			Json.WHEN_SET, NO_VIEW, AuditShape.TRACE_ID, "Partner's trace",
			(r) -> trace(r, AuditTrace::foreignTraceId));

	static final AuditField FOREIGN_OPERATION_ID = field("foreign_operation_id", Type.TEXT, Hashing.YES,
			"foreignOperationId", Json.WHEN_SET, API_ONLY, AuditShape.OPERATION_ID, "Partner's operation",
			(r) -> trace(r, AuditTrace::foreignOperationId));

	static final AuditField OPERATION_ID = field("operation_id", Type.TEXT, Hashing.YES, "operationId", Json.ALWAYS,
			API_ONLY, AuditShape.OPERATION_ID, "Operation", AuditRecord::operationId);

	static final AuditField STARTED_AT = field("started_at", Type.TIMESTAMP, Hashing.YES, "startedAt", Json.WHEN_SET,
			NO_VIEW, AuditShape.TIMESTAMP, "Started", (r) -> r.event().startedAt());

	/** Written as the recording time; the record does not carry it. */
	static final AuditField ENDED_AT = field("ended_at", Type.TIMESTAMP, Hashing.NO, "endedAt", Json.WHEN_SET, NO_VIEW,
			AuditShape.TIMESTAMP, "Ended", AuditRecord::recordedAt);

	static final AuditField PREV_HASH = field("prev_hash", Type.TEXT, Hashing.NO, "prevHash", Json.WHEN_CHAINED,
			NO_VIEW, AuditShape.CHAIN_HASH, "Previous hash", AuditRecord::prevHash);

	static final AuditField HASH = field("hash", Type.TEXT, Hashing.NO, "hash", Json.WHEN_CHAINED, TABLES,
			AuditShape.CHAIN_HASH, "Hash", AuditRecord::hash);

	/** Only events of a mandate carry it. */
	static final AuditField ACTOR_MANDATE = field("actor_mandate", Type.UUID, Hashing.YES, "actor.mandate",
			Json.WHEN_SET, Set.of(AuditView.API, AuditView.CSV, AuditView.LOGBOEK), AuditShape.UUID, "Mandate",
			(r) -> r.event().actor().mandate())
		.withLogboek("ketenpoort.mandate_id");

	/** The canonical form the row was hashed with: 1 until the epoch event, then 2. */
	static final AuditField FORM = field("form", Type.SMALLINT, Hashing.NO, "form", Json.ALWAYS, API_ONLY,
			AuditShape.NUMBER, "Canonical form", AuditRecord::form);

	// The fields added since the catalogue: each one entry (and its column).

	/**
	 * The natural person who acted when the actor is a system or an account: the
	 * pseudonym a partner system names (the case manager behind TVS), never a name.
	 */
	public static final AuditField ACTOR_PERSON = AuditField.extra("actor_person", Type.TEXT, AuditShape.PERSON,
			"actor.person", "Acting person", API_CSV);

	/**
	 * The data subject on whose behalf the actor acted (a representative's principal).
	 */
	public static final AuditField ACTOR_ON_BEHALF_OF = AuditField.extra("actor_on_behalf_of", Type.TEXT,
			AuditShape.PSEUDONYM, "actor.onBehalfOf", "On behalf of",
			Set.of(AuditView.API, AuditView.CSV, AuditView.LOGBOEK));

	/**
	 * What the lawful basis rests on besides its kind: the statute article of a legal
	 * obligation or public task, as a code.
	 */
	public static final AuditField LEGAL_BASIS_REFERENCE = AuditField.extra("legal_basis_reference", Type.TEXT,
			AuditShape.LOWER_CODE, "legalBasisReference", "Lawful basis reference", RECORDS);

	/** The FSC transaction id of the call, to match the peer's own FSC log. */
	public static final AuditField FSC_TRANSACTION_ID = AuditField.extra("fsc_transaction_id", Type.UUID,
			AuditShape.UUID, "fscTransactionId", "FSC transaction", RECORDS);

	/** The signed statement of the lawful basis the processing relied on. */
	public static final AuditField STATEMENT_ID = AuditField.extra("statement_id", Type.UUID, AuditShape.UUID,
			"statementId", "Statement", RECORDS);

	/**
	 * Of an epoch event: the position of the last event of the previous canonical form.
	 */
	public static final AuditField EPOCH_PREVIOUS_POSITION = AuditField.extra("epoch_previous_position", Type.BIGINT,
			AuditShape.NUMBER, "epoch.previousPosition", "Epoch: last position before", API_CSV);

	/** Of an epoch event: the hash of that event. */
	public static final AuditField EPOCH_PREVIOUS_HASH = AuditField.extra("epoch_previous_hash", Type.TEXT,
			AuditShape.CHAIN_HASH, "epoch.previousHash", "Epoch: last hash before", API_CSV);

	/** Of an epoch event: the audit key's signature over the two, a compact JWS. */
	public static final AuditField EPOCH_STATEMENT = AuditField.extra("epoch_statement", Type.TEXT, AuditShape.JWS,
			"epoch.statement", "Epoch: signed statement", API_CSV);

	/** Every field, in CSV column order. */
	public static final List<AuditField> ALL = List.of(POSITION, EVENT_ID, RECORDED_AT, EVENT_TYPE, OUTCOME,
			REASON_CODE, PURPOSE, LEGAL_BASIS, SENDER, RECIPIENT, DOCUMENT_TYPE, FIELD_NAMES, CONSENT_ID, EXCHANGE_ID,
			SUBJECT_REF, ACTOR_KIND, ACTOR_ID, ACTOR_ROLE, ACTOR_ORGANISATION, PAYLOAD_SHA256, PARTNER_STATUS, TRACE_ID,
			PARENT_OPERATION_ID, FOREIGN_TRACE_ID, FOREIGN_OPERATION_ID, OPERATION_ID, STARTED_AT, ENDED_AT, PREV_HASH,
			HASH, ACTOR_MANDATE, FORM, ACTOR_PERSON, ACTOR_ON_BEHALF_OF, LEGAL_BASIS_REFERENCE, FSC_TRANSACTION_ID,
			STATEMENT_ID, EPOCH_PREVIOUS_POSITION, EPOCH_PREVIOUS_HASH, EPOCH_STATEMENT);

	/** The catalogue of the shipped fields. */
	public static final AuditCatalogue CATALOGUE = new AuditCatalogue(ALL);

	/** The column list of {@link #ALL}, for SELECT, INSERT and COPY. */
	public static final String COLUMNS = CATALOGUE.columns();

	private AuditFields() {
	}

	/**
	 * The record a row holds, from the values of a catalogue's fields: the one place that
	 * assembles an event from its fields.
	 */
	static AuditRecord record(AuditField.Row row, List<AuditField> extras) {
		AuditTrace trace = new AuditTrace(row.text(TRACE_ID), row.text(PARENT_OPERATION_ID), row.text(FOREIGN_TRACE_ID),
				row.text(FOREIGN_OPERATION_ID));
		AuditActor actor = new AuditActor(row.text(ACTOR_KIND), row.text(ACTOR_ID), row.text(ACTOR_ROLE),
				row.text(ACTOR_ORGANISATION), row.uuid(ACTOR_MANDATE));
		Map<String, Object> extra = new HashMap<>();
		for (AuditField field : extras) {
			Object value = row.value(field);
			if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
				extra.put(field.name(), value);
			}
		}
		AuditEvent event = new AuditEvent(AuditEventType.fromCode(row.text(EVENT_TYPE)),
				AuditOutcome.valueOf(row.text(OUTCOME)), row.text(REASON_CODE), actor, row.text(PURPOSE),
				row.text(LEGAL_BASIS), row.uuid(CONSENT_ID), row.text(SUBJECT_REF), row.text(SENDER),
				row.text(RECIPIENT), row.text(DOCUMENT_TYPE), row.uuid(EXCHANGE_ID), row.strings(FIELD_NAMES),
				row.text(PAYLOAD_SHA256), row.integer(PARTNER_STATUS), row.instant(STARTED_AT), trace, extra);
		return new AuditRecord(row.bigint(POSITION), row.uuid(EVENT_ID), row.instant(RECORDED_AT),
				row.text(OPERATION_ID), event, row.text(PREV_HASH), row.text(HASH), row.smallint(FORM));
	}

	/**
	 * Reads a row of {@link #COLUMNS} by index, cheaper than by name over millions of
	 * rows.
	 */
	public static AuditRecord read(ResultSet rs) throws SQLException {
		return CATALOGUE.read(rs);
	}

	/** The INSERT of a staged event, one parameter per field. */
	public static String stage() {
		return CATALOGUE.stage();
	}

	/** The row's column values for {@link #COLUMNS}, in order. */
	public static Object[] parameters(AuditRecord record) {
		return CATALOGUE.parameters(record);
	}

	/**
	 * The columns a view shows, in order.
	 * @param view the view
	 * @return its fields
	 */
	public static List<AuditField> shownIn(AuditView view) {
		return CATALOGUE.shownIn(view);
	}

	/** The CSV header: the snake_case names of the CSV fields. */
	static String[] csvHeader() {
		return CATALOGUE.csvHeader();
	}

	/** One CSV row, cells as text. */
	static List<@Nullable String> csvRow(AuditRecord record) {
		return CATALOGUE.csvRow(record);
	}

	/**
	 * One event in a JSON view: camelCase members, a dotted name nested
	 * ({@code actor.kind} in {@code actor}).
	 * @param record the event
	 * @param view {@link AuditView#API} or {@link AuditView#CONSOLE}
	 * @return the members in declaration order
	 */
	public static Map<String, Object> json(AuditRecord record, AuditView view) {
		return CATALOGUE.json(record, view);
	}

	private static @Nullable String trace(AuditRecord record, Function<AuditTrace, @Nullable String> part) {
		AuditTrace trace = record.event().trace();
		return (trace != null) ? part.apply(trace) : null;
	}

	private static AuditField field(String name, Type type, Hashing hashing, String apiName, Json json,
			Set<AuditView> views, AuditShape shape, String title, Function<AuditRecord, @Nullable Object> value) {
		return new AuditField(name, type, hashing, apiName, json, views, shape, title, null, false, value);
	}

}
