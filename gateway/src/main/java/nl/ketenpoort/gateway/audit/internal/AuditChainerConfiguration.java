package nl.ketenpoort.gateway.audit.internal;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import nl.ketenpoort.gateway.system.FaultPoints;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's chainer on connections of its own: two, apart from the request pool, so that
 * neither a burst of requests nor a chainer queueing for the chain lock behind other
 * nodes takes a connection from the other.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainerConfiguration {

	@Bean(destroyMethod = "close")
	AuditChainer auditChainer(DataSource dataSource, AuditEpochs epochs, FaultPoints faults, Clock clock,
			AuditSettings settings) {
		HikariDataSource own = ownConnections(dataSource);
		if (own == null) {
			return new AuditChainer(dataSource, epochs, faults, clock, settings);
		}
		return new AuditChainer(own, epochs, faults, clock, settings).closing(own);
	}

	/**
	 * A pool of the chainer's own on the request pool's database, if it tells its URL.
	 */
	private static @Nullable HikariDataSource ownConnections(DataSource dataSource) {
		if (!(dataSource instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
			return null;
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pool.getJdbcUrl());
		config.setUsername(pool.getUsername());
		config.setPassword(pool.getPassword());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		config.setPoolName("audit-chainer");
		// Short: at shutdown the database may already be going (an embedded one stops in
		// its own shutdown hook), and the last drain must not hold the exit for Hikari's
		// default 30 s; what it leaves staged, the next node chains.
		config.setConnectionTimeout(2_000);
		config.setValidationTimeout(1_000);
		return new HikariDataSource(config);
	}

}
