package nl.ketenpoort.gateway.audit.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.AuditCatalogue;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.AuditView;

/**
 * One field of the audit event as {@link AuditFields} declares it: its name, its column,
 * whether the chain hashes it, its shape and the views that show it.
 *
 * @param name the snake_case name: column, CSV column and canonical member
 * @param type how the column is read and written
 * @param hashing whether the canonical form carries it
 * @param apiName the camelCase member of the JSON views; a dot nests it
 * ({@code actor.kind})
 * @param json when the JSON views show the member
 * @param views the views that show it
 * @param shape what a value must look like: the gate and the published schema
 * @param title a short English title (the HTML export's column, the schema's title)
 * @param logboek the attribute of the Logboek Dataverwerkingen export, or {@code null}
 * for {@code ketenpoort.<name>}
 * @param extra whether the value lives in {@link AuditEvent#extra()} rather than in a
 * member of its own: every field added since the catalogue
 * @param value the field's value in a record
 */
public record AuditField(String name, Type type, Hashing hashing, String apiName, Json json, Set<AuditView> views,
		AuditShape shape, String title, @Nullable String logboek, boolean extra,
		Function<AuditRecord, @Nullable Object> value) {

	public AuditField {
		views = Set.copyOf(views);
		if (hashing == Hashing.YES && !type.hashable()) {
			throw new AuditCatalogueMisdeclared(name + ": a " + type + " column cannot be hashed");
		}
	}

	/**
	 * A field added to the catalogue: its value is kept in the event's {@code extra}
	 * members under its name, so the field is this one declaration (and its column).
	 * @param name the snake_case name and column
	 * @param type the column type
	 * @param shape what a value must look like
	 * @param apiName the camelCase member of the JSON views
	 * @param title a short English title
	 * @param views the views that show it
	 * @return the field, hashed, shown in JSON only when set
	 */
	public static AuditField extra(String name, Type type, AuditShape shape, String apiName, String title,
			Set<AuditView> views) {
		return new AuditField(name, type, Hashing.YES, apiName, Json.WHEN_SET, views, shape, title, null, true,
				(record) -> record.event().extra().get(name));
	}

	/** The same field, shown as this attribute in the Logboek export. */
	public AuditField withLogboek(String attribute) {
		return new AuditField(this.name, this.type, this.hashing, this.apiName, this.json, this.views, this.shape,
				this.title, attribute, this.extra, this.value);
	}

	/** The {@code audit_event} column: the name. */
	public String column() {
		return this.name;
	}

	/** Whether it holds something about a natural person: then only a pseudonym. */
	public boolean personal() {
		return this.shape == AuditShape.PSEUDONYM || this.shape == AuditShape.PERSON;
	}

	/** The attribute name in the Logboek Dataverwerkingen export. */
	public String logboekAttribute() {
		return (this.logboek != null) ? this.logboek : "ketenpoort." + this.name;
	}

	/** The field's value in a record, or {@code null}. */
	public @Nullable Object of(AuditRecord record) {
		return this.value.apply(record);
	}

	/** Column types: how a value is read from and written to the row. */
	public enum Type {

		/** {@code text}. */
		TEXT,

		/** {@code uuid}. */
		UUID,

		/** {@code timestamptz}, an {@link Instant}. */
		TIMESTAMP,

		/** {@code integer}. */
		INTEGER,

		/** {@code bigint}. */
		BIGINT,

		/** {@code text[]}, a list of strings. */
		TEXT_ARRAY,

		/** {@code smallint}: bookkeeping only, never hashed. */
		SMALLINT;

		/**
		 * Whether the canonical form (RFC 8785) may carry it: strings, integers below
		 * 2^53 and arrays of strings only, so that no number needs formatting.
		 */
		boolean hashable() {
			return this != SMALLINT;
		}

		/** Whether a value is of the Java type this column reads into. */
		public boolean holds(Object value) {
			return switch (this) {
				case TEXT -> value instanceof String;
				case UUID -> value instanceof java.util.UUID;
				case TIMESTAMP -> value instanceof Instant;
				case INTEGER, SMALLINT -> value instanceof Integer;
				case BIGINT -> value instanceof Long;
				case TEXT_ARRAY -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
			};
		}

		public @Nullable Object read(ResultSet rs, int index) throws SQLException {
			return switch (this) {
				case TEXT -> rs.getString(index);
				case UUID -> rs.getObject(index, java.util.UUID.class);
				case TIMESTAMP -> {
					Timestamp timestamp = rs.getTimestamp(index);
					yield (timestamp != null) ? timestamp.toInstant() : null;
				}
				case INTEGER -> rs.getObject(index, Integer.class);
				case BIGINT -> rs.getObject(index, Long.class);
				case SMALLINT -> rs.getInt(index);
				case TEXT_ARRAY -> {
					Array array = rs.getArray(index);
					yield (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
				}
			};
		}

		public @Nullable Object parameter(@Nullable Object value) {
			if (value instanceof Instant instant) {
				return Timestamp.from(instant);
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).toArray(String[]::new);
			}
			return value;
		}

	}

	/** Whether the chain hashes the field. */
	public enum Hashing {

		/**
		 * Hashed: a member of the canonical form v2 (RFC 8785) when set. Form 1, kept for
		 * the events recorded before it, is a fixed text of the fields that existed then.
		 */
		YES,

		/** Not hashed (bookkeeping such as the chain's own hashes). */
		NO

	}

	/** When the JSON views show a member. */
	public enum Json {

		/** Always, {@code null} included. */
		ALWAYS,

		/** Only when set. */
		WHEN_SET,

		/** Always, the empty string for {@code null}. */
		EMPTY_WHEN_NULL,

		/**
		 * Once the event is chained: a staged event has no place in the chain yet
		 * ({@code chained: false}).
		 */
		WHEN_CHAINED

	}

	/** The value as text in a CSV cell: lists space-separated, absent as empty. */
	public @Nullable String csv(AuditRecord record) {
		Object value = of(record);
		if (value == null) {
			return null;
		}
		return (value instanceof List<?> list) ? String.join(" ", list.stream().map(String::valueOf).toList())
				: value.toString();
	}

	/** The value in the JSON views: instants as ISO-8601 text. */
	public @Nullable Object json(AuditRecord record) {
		Object value = of(record);
		return (value instanceof Instant instant) ? instant.toString() : value;
	}

	public static Set<AuditView> all() {
		return Set.of(AuditView.values());
	}

	/** Typed values of one row, by field, while it is being read. */
	public record Row(AuditCatalogue catalogue, Object[] values) {

		public @Nullable Object value(AuditField field) {
			return this.values[this.catalogue.index(field)];
		}

		public @Nullable String text(AuditField field) {
			return (String) value(field);
		}

		public @Nullable UUID uuid(AuditField field) {
			return (UUID) value(field);
		}

		public @Nullable Instant instant(AuditField field) {
			return (Instant) value(field);
		}

		public @Nullable Integer integer(AuditField field) {
			return (Integer) value(field);
		}

		/** A BIGINT column's value, 0 when empty (the position of a staged event). */
		public long bigint(AuditField field) {
			Object value = value(field);
			return (value != null) ? (Long) value : 0L;
		}

		public int smallint(AuditField field) {
			return (Integer) value(field);
		}

		@SuppressWarnings("unchecked")
		public List<String> strings(AuditField field) {
			return (List<String>) value(field);
		}

	}

}
