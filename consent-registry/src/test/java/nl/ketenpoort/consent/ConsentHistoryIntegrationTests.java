package nl.ketenpoort.consent;

import java.util.List;
import nl.ketenpoort.schemas.DocumentType;

import nl.ketenpoort.consent.subject.VNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsentHistoryIntegrationTests {

	private TestRegistry node;

	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

	@BeforeEach
	void start() {
		TestDatabase.reset();
		this.node = TestRegistry.start();
		this.node.grant(this.node.subjects().enrol(VNumber.parse("1234567890")), "handover-coa-municipality", "tvs",
				List.of("raak"), DocumentType.of("client-profile"));
	}

	@AfterEach
	void stop() {
		this.node.close();
	}

	@Test
	void theDatabaseRefusesToUpdateHistory() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update consent_history set actor = 'someone-else'").update())
			.havingRootCause()
			.withMessageContaining("append-only");
	}

	@Test
	void theDatabaseRefusesToDeleteHistory() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from consent_history").update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("truncate consent_history cascade").update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from consent_history").query(Long.class).single()).isOne();
	}

}
