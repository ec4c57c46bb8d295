package nl.ketenpoort.consent.subject;

import java.util.Base64;
import java.util.UUID;

import nl.ketenpoort.consent.TestDatabase;
import nl.ketenpoort.schemas.IdentifierKind;
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
	void aBsnLinkedByAnAcceptedExchangeResolvesToTheSubjectOfTheVNumber() {
		// given
		SubjectRef atCoa = this.subjects.enrol(VNumber.parse("12 3456 7890"));
		UUID exchange = UUID.randomUUID();
		// when
		this.subjects.linkAccepted(atCoa, SubjectIdentifiers.parse("1234567890", "111222333"), exchange);
		// then
		assertThat(this.subjects.find(SubjectIdentifiers.parse(null, "111.222.333"))).contains(atCoa);
		assertThat(this.subjects.find(SubjectIdentifiers.parse("V1234567890", "111222333"))).contains(atCoa);
		assertThat(this.subjects.enrol(Bsn.parse("111222333"))).isEqualTo(atCoa);
		assertThat(atCoa.pseudonym()).startsWith("vnr_");
		assertThat(this.subjects.linksWithoutAcceptedExchange()).isEmpty();
	}

	@Test
	void aSubjectEnrolledByItsBsnKeepsThatPseudonym() {
		SubjectRef first = this.subjects.enrol(Bsn.parse("123456782"));
		assertThat(first.pseudonym()).startsWith("bsn_");
		this.subjects.linkAccepted(first, SubjectIdentifiers.parse("0000123456", "123456782"), UUID.randomUUID());
		assertThat(this.subjects.enrol(VNumber.parse("123456"))).isEqualTo(first);
	}

	@Test
	void findingNeverLinks() {
		// given a subject known by its V-number only
		SubjectRef known = this.subjects.enrol(VNumber.parse("3333333333"));
		// when it is looked up with a BSN beside it
		assertThat(this.subjects.find(SubjectIdentifiers.parse("3333333333", "111222333"))).contains(known);
		// then the BSN is still unknown
		assertThat(this.subjects.find(SubjectIdentifiers.parse(null, "111222333"))).isEmpty();
		assertThat(this.subjects.pseudonymOf(SubjectIdentifiers.parse(null, "111222333")).pseudonym())
			.startsWith("bsn_");
		assertThat(this.subjects.find(SubjectIdentifiers.parse(null, "111222333"))).isEmpty();
	}

	@Test
	void identifiersOfTwoPeopleAreNeverLinked() {
		// given: two people known separately
		SubjectRef one = this.subjects.enrol(VNumber.parse("1111111111"));
		SubjectRef other = this.subjects.enrol(Bsn.parse("111222333"));
		SubjectIdentifiers both = SubjectIdentifiers.parse("1111111111", "111222333");
		// when / then
		assertThatExceptionOfType(SubjectLinkRefused.class).isThrownBy(() -> this.subjects.find(both))
			.satisfies((ex) -> {
				assertThat(ex.byVNumber()).isEqualTo(one);
				assertThat(ex.byBsn()).isEqualTo(other);
				assertThat(ex.getMessage()).doesNotContain("1111111111").doesNotContain("111222333");
			});
		assertThatExceptionOfType(SubjectLinkRefused.class)
			.isThrownBy(() -> this.subjects.linkAccepted(one, both, UUID.randomUUID()));
		assertThat(this.subjects.find(SubjectIdentifiers.parse(null, "111222333"))).contains(other);
	}

	@Test
	void findNeverCreatesASubject() {
		assertThat(this.subjects.find(SubjectIdentifiers.parse("2222222222", null))).isEmpty();
		assertThat(this.subjects.find(SubjectIdentifiers.parse("2222222222", null))).isEmpty();
	}

	@Test
	void linksThatNoAcceptedExchangeRecordedAreListedForReview() {
		// given a link as it was written before links were tied to exchanges
		SubjectRef subject = this.subjects.enrol(VNumber.parse("4444444444"));
		this.subjects.linkAccepted(subject, SubjectIdentifiers.parse("4444444444", "123456782"), UUID.randomUUID());
		org.springframework.jdbc.core.simple.JdbcClient.create(TestDatabase.dataSource())
			.sql("update consent_subject_identifier set source_exchange = null where identifier_pseudonym <> subject")
			.update();
		// when
		var links = this.subjects.linksWithoutAcceptedExchange();
		// then: pseudonyms only, and the enrolling identifier is not a link
		assertThat(links).singleElement().satisfies((link) -> {
			assertThat(link.kind()).isEqualTo(IdentifierKind.BSN);
			assertThat(link.subject()).isEqualTo(subject);
			assertThat(link.identifierPseudonym()).startsWith("bsn_").doesNotContain("123456782");
		});
		assertThat(this.subjects.find(SubjectIdentifiers.parse(null, "123456782"))).contains(subject);
	}

}
