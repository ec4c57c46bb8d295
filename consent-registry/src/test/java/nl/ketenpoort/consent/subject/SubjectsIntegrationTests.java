package nl.ketenpoort.consent.subject;

import java.util.Base64;

import nl.ketenpoort.consent.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubjectsIntegrationTests {

	private final Subjects subjects = new Subjects(TestDatabase.dataSource(),
			Base64.getDecoder().decode("c2VjcmV0LXBzZXVkb255bS1rZXktZm9yLXRlc3RzLW9ubHk="));

	@BeforeEach
	void reset() {
		TestDatabase.reset();
	}

	@Test
	void aVNumberAndALaterBsnResolveToTheSameSubject() {
		// given
		SubjectRef atCoa = this.subjects.resolve("12 3456 7890", null);
		// when
		SubjectRef atRegistration = this.subjects.resolve("1234567890", "111222333");
		SubjectRef byBsnOnly = this.subjects.resolve(null, "111.222.333");
		// then
		assertThat(atRegistration).isEqualTo(atCoa);
		assertThat(byBsnOnly).isEqualTo(atCoa);
		assertThat(atCoa.pseudonym()).startsWith("vnr_");
		assertThat(this.subjects.find("V1234567890", null)).contains(atCoa);
	}

	@Test
	void aBsnFirstAndAVNumberLaterAlsoResolveToOneSubject() {
		SubjectRef first = this.subjects.resolve(null, "123456782");
		assertThat(first.pseudonym()).startsWith("bsn_");
		assertThat(this.subjects.resolve("0000123456", "123456782")).isEqualTo(first);
		assertThat(this.subjects.resolve("123456", null)).isEqualTo(first);
	}

	@Test
	void aConflictingLinkIsRefusedAndNothingChanges() {
		// given: two people known separately
		SubjectRef one = this.subjects.resolve("1111111111", null);
		SubjectRef other = this.subjects.resolve(null, "111222333");
		// when / then
		assertThatExceptionOfType(SubjectLinkRefused.class)
			.isThrownBy(() -> this.subjects.resolve("1111111111", "111222333"))
			.satisfies((ex) -> {
				assertThat(ex.byVNumber()).isEqualTo(one);
				assertThat(ex.byBsn()).isEqualTo(other);
				assertThat(ex.getMessage()).doesNotContain("1111111111").doesNotContain("111222333");
			});
		assertThat(this.subjects.resolve(null, "111222333")).isEqualTo(other);
	}

	@Test
	void findNeverCreatesASubject() {
		assertThat(this.subjects.find("2222222222", null)).isEmpty();
		assertThat(this.subjects.find("2222222222", null)).isEmpty();
	}

}
