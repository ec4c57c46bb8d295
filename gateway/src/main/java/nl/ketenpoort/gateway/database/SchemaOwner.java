package nl.ketenpoort.gateway.database;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Connections as the schema owner, for the few privileged operations the application role
 * may not do (pruning the audit log after its retention). Embedded: the owner of the
 * embedded server; external: {@code SPRING_FLYWAY_USER}/{@code SPRING_FLYWAY_PASSWORD}
 * (and {@code SPRING_FLYWAY_URL} or else the application's URL), as for migrations.
 */
@Component
public class SchemaOwner {

	private final Optional<DataSource> dataSource;

	@Autowired
	SchemaOwner(@FlywayDataSource ObjectProvider<DataSource> embeddedOwner, Environment environment) {
		DataSource embedded = embeddedOwner.getIfAvailable();
		this.dataSource = (embedded != null) ? Optional.of(embedded) : external(environment);
	}

	private SchemaOwner(Optional<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The owner behind this data source (for tools and tests that connect themselves).
	 */
	public static SchemaOwner connectingTo(DataSource dataSource) {
		return new SchemaOwner(Optional.of(dataSource));
	}

	/** No owner credentials: privileged operations are refused. */
	public static SchemaOwner none() {
		return new SchemaOwner(Optional.empty());
	}

	/** The owner's data source, when the owner's credentials are configured. */
	public Optional<DataSource> dataSource() {
		return this.dataSource;
	}

	private static Optional<DataSource> external(Environment environment) {
		String user = environment.getProperty("spring.flyway.user");
		String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url", ""));
		if (!StringUtils.hasText(user) || !StringUtils.hasText(url)) {
			return Optional.empty();
		}
		return Optional.of(new SimpleDriverDataSource(new org.postgresql.Driver(), url, user,
				environment.getProperty("spring.flyway.password", "")));
	}

}
