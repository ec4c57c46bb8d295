package nl.ketenpoort.gateway.sandbox;

import org.flywaydb.core.Flyway;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A sandbox migration lands in the sandbox's own schema history, never in the gateway's:
 * the product's Flyway still validates the database afterwards.
 */
class SandboxMigrationsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	Flyway flyway;

	@Autowired
	FlywayMigrationStrategy strategy;

	@Test
	void sandboxScriptsHaveAHistoryOfTheirOwn() {
		// given
		SandboxMigrations probe = new SandboxMigrations("classpath:sandbox-migrations-probe");

		// when
		int first = probe.migrateSandbox(this.flyway);
		int again = probe.migrateSandbox(this.flyway);

		// then
		assertThat(this.strategy).isInstanceOf(SandboxMigrations.class);
		assertThat(first).isEqualTo(1);
		assertThat(again).isZero();
		JdbcClient owner = JdbcClient.create(this.flyway.getConfiguration().getDataSource());
		assertThat(owner.sql("SELECT description FROM " + SandboxMigrations.HISTORY + " WHERE version = '1'")
			.query(String.class)
			.list()).containsExactly("probe");
		assertThat(owner.sql("SELECT count(*) FROM flyway_schema_history WHERE description = 'probe'")
			.query(Long.class)
			.single()).isZero();
		assertThatNoException().isThrownBy(this.flyway::validate);
	}

}
