package nl.ketenpoort.adapters.tvs;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.tvs.TvsExportFormat.TvsExport;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.fields.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TvsExportFormatTests {

	private static final TvsExportFormat format = new TvsExportFormat(CanonicalExamples.schemas());

	static Stream<Example> examples() {
		return CanonicalExamples.all(java.util.Set.copyOf(format.types())).stream();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void roundTripsEveryExampleThroughXmlThatMatchesTheXsd(Example example) {
		// when: read validates against the XSD and the canonical schema
		byte[] xml = format.write(example.type(), example.document());
		TvsExport export = format.read(xml);
		// then
		assertThat(export.type()).isEqualTo(example.type());
		assertThat(export.document()).isEqualTo(example.document());
		assertThat(format.write(export.type(), export.document())).isEqualTo(xml);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void keepsMinimisedDocumentsMinimal(Example example) {
		ObjectNode minimised = example.minimised(CanonicalExamples.MINIMAL_PURPOSE);
		TvsExport export = format.read(format.write(example.type(), minimised));
		assertThat(export.document()).isEqualTo(minimised);
	}

	@Test
	void namesEveryCanonicalField() {
		assertThat(TvsVocabularies.clientProfile().canonicalPaths()).containsAll(CanonicalExamples.schemas()
			.fields(DocumentType.of("client-profile"))
			.stream()
			.map(Field::path)
			.toList());
		assertThat(TvsVocabularies.learnerProfile().canonicalPaths()).containsAll(CanonicalExamples.schemas()
			.fields(DocumentType.of("nt2-learner-profile"))
			.stream()
			.map(Field::path)
			.toList());
	}

	@Test
	void readsAnExportAsTvsWritesIt() {
		// given
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<klantprofiel>
				  <vNummer>2317845096</vNummer>
				  <naam><voornamen>Amira</voornamen><achternaam>Al-Khatib</achternaam></naam>
				  <geboortedatum>1991-04-17</geboortedatum>
				  <talen>
				    <taal><taalcode>ar</taalcode><niveau>native</niveau><geletterd>1</geletterd></taal>
				  </talen>
				  <opleidingen>
				    <opleiding><niveau>bachelor</niveau><jaarAfgerond>2013</jaarAfgerond></opleiding>
				  </opleidingen>
				  <werkervaring>
				    <ervaring><beroep>Apothekersassistent</beroep><aantalJaren>1.5</aantalJaren></ervaring>
				  </werkervaring>
				</klantprofiel>
				""";
		// when
		TvsExport export = format.read(xml.getBytes(StandardCharsets.UTF_8));
		// then
		assertThat(export.type()).isEqualTo(DocumentType.of("client-profile"));
		assertThat(export.document()).isEqualTo(CanonicalExamples.json("""
				{"subject": {"vNumber": "2317845096"},
				 "name": {"givenNames": "Amira", "familyName": "Al-Khatib"},
				 "birthDate": "1991-04-17",
				 "languages": [{"language": "ar", "level": "native", "literate": true}],
				 "education": [{"level": "bachelor", "yearCompleted": 2013}],
				 "workExperience": [{"occupation": "Apothekersassistent", "years": 1.5}]}"""));
	}

	@Test
	void refusesAnExternalEntity() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE klantprofiel [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
				<klantprofiel><vNummer>&geheim;</vNummer></klantprofiel>
				""";
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> format.read(xxe.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("DOCTYPE")
			.withMessageNotContaining("root:");
	}

	@Test
	void refusesEntityExpansion() {
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
				<klantprofiel><vNummer>&lol2;</vNummer></klantprofiel>
				""";
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> format.read(laughs.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void refusesAnExportThatBreaksTheXsdWithoutQuotingTheValue() {
		String xml = "<klantprofiel><vNummer>12345</vNummer></klantprofiel>";
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> format.read(xml.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("tvs-export.xsd")
			.withMessageNotContaining("12345")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("/klantprofiel/vNummer"));
	}

	@Test
	void refusesAnUnknownRootAndElement() {
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> format.read("<dossier/>".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(NativeDocumentInvalid.class).isThrownBy(() -> format
			.read("<nt2Leerprofiel><vNummer>2317845096</vNummer><geheim/></nt2Leerprofiel>".getBytes()));
		assertThatExceptionOfType(NativeDocumentInvalid.class)
			.isThrownBy(() -> format.read("niet eens xml".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void writesOnlyTheTypesTvsExports() {
		assertThatExceptionOfType(DocumentNotMappable.class)
			.isThrownBy(() -> format.write(DocumentType.of("trajectory-plan"),
					CanonicalExamples.first(DocumentType.of("trajectory-plan")).document()));
	}

}
