package nl.ketenpoort.gateway.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditRecord;

/**
 * Reads and writes {@code audit_event} rows, column by column as {@link AuditFields}
 * declares them.
 */
public final class AuditRows {

	public static final String COLUMNS = AuditFields.COLUMNS;

	public static final RowMapper<AuditRecord> MAPPER = AuditRows::map;

	private static final String INSERT = AuditFields.CATALOGUE.insert();

	private static final String STAGE = AuditFields.CATALOGUE.stage();

	private AuditRows() {
	}

	public static void insert(JdbcClient jdbc, AuditRecord record) {
		jdbc.sql(INSERT).params(AuditFields.parameters(record)).update();
	}

	/** Stages an event: {@code audit_staged}, the chainer links it. */
	public static void stage(JdbcClient jdbc, AuditRecord staged) {
		jdbc.sql(STAGE).params(AuditFields.parameters(staged)).update();
	}

	/**
	 * Reads a row of {@link #COLUMNS} by index (1-based, in the order of the list), which
	 * is much cheaper than by name when verification maps millions of rows.
	 */
	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		return AuditFields.read(rs);
	}

}
