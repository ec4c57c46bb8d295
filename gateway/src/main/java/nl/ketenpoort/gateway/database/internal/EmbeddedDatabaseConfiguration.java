package nl.ketenpoort.gateway.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import nl.ketenpoort.gateway.system.KetenpoortSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Without {@code SPRING_DATASOURCE_URL}, the gateway runs on its own embedded PostgreSQL;
 * with it, Spring Boot's own data source configuration applies and no server is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(KetenpoortSettings settings) {
		return EmbeddedPostgresServer.startOrAttach(settings.dataDir());
	}

	/** The application's pool: it connects as the restricted application role. */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		DatabaseConnection connection = server.connection();
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(connection.url())
			.username(connection.username())
			.password(connection.password())
			.build();
	}

	/**
	 * Migrations run as the schema owner, so the application role never needs DDL rights.
	 */
	@Bean
	@FlywayDataSource
	SimpleDriverDataSource flywayDataSource(EmbeddedPostgresServer server) {
		DatabaseConnection connection = server.connection();
		return new SimpleDriverDataSource(new org.postgresql.Driver(), connection.url(), connection.adminUsername(),
				connection.adminPassword());
	}

}
