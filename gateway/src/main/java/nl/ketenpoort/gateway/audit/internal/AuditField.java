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
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.AuditView;

/**
 * One field of the audit event as {@link AuditFields} declares it: its name, its column,
 * whether the chain hashes it, and the views that show it.
 *
 * @param name the snake_case name: CSV column and canonical member
 * @param column the {@code audit_event} column
 * @param type how the column is read and written
 * @param hashing whether and how the canonical form carries it
 * @param apiName the camelCase member of the JSON views; a dot nests it
 * ({@code actor.kind})
 * @param json when the JSON views show the member
 * @param views the views that show it
 * @param value the field's value in a record
 */
public record AuditField(String name, String column, Type type, Hashing hashing, String apiName, Json json,
		Set<AuditView> views, Function<AuditRecord, @Nullable Object> value) {

	public AuditField {
		views = Set.copyOf(views);
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
		TEXT_ARRAY;

		public @Nullable Object read(ResultSet rs, int index) throws SQLException {
			return switch (this) {
				case TEXT -> rs.getString(index);
				case UUID -> rs.getObject(index, java.util.UUID.class);
				case TIMESTAMP -> {
					Timestamp timestamp = rs.getTimestamp(index);
					yield (timestamp != null) ? timestamp.toInstant() : null;
				}
				case INTEGER -> rs.getObject(index, Integer.class);
				case BIGINT -> rs.getLong(index);
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

	/** What the canonical form, which the chain hashes, does with the field. */
	public enum Hashing {

		/**
		 * Part of the fixed canonical form {@link AuditRecord} writes by hand, which must
		 * never change by a byte.
		 */
		FIXED,

		/**
		 * Appended to the canonical form, in declaration order, only when set: every
		 * event recorded before the field existed keeps its exact text and hash. New
		 * fields are of this kind.
		 */
		WHEN_SET,

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
		EMPTY_WHEN_NULL

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
	public record Row(Object[] values) {

		public @Nullable String text(AuditField field) {
			return (String) this.values[AuditFields.index(field)];
		}

		public @Nullable UUID uuid(AuditField field) {
			return (UUID) this.values[AuditFields.index(field)];
		}

		public @Nullable Instant instant(AuditField field) {
			return (Instant) this.values[AuditFields.index(field)];
		}

		public @Nullable Integer integer(AuditField field) {
			return (Integer) this.values[AuditFields.index(field)];
		}

		public long bigint(AuditField field) {
			return (Long) this.values[AuditFields.index(field)];
		}

		@SuppressWarnings("unchecked")
		public List<String> strings(AuditField field) {
			return (List<String>) this.values[AuditFields.index(field)];
		}

	}

}
