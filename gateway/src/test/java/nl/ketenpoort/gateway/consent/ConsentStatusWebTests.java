package nl.ketenpoort.gateway.consent;

import java.util.UUID;

import nl.ketenpoort.consent.ConsentNotFound;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.WebSliceTest;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.partner.Partners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import nl.ketenpoort.gateway.consent.internal.ConsentController;
import nl.ketenpoort.gateway.consent.internal.GrantRefusals;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public status of a consent statement, as a verifier asks for it: the status code
 * only, a problem for an unknown id or one that is no id at all, and no audit row.
 */
@WebSliceTest(ConsentController.class)
@MockitoBean(types = { Subjects.class, AuditTrail.class, Partners.class, AccessPolicy.class, TransactionTemplate.class,
		GrantRefusals.class })
class ConsentStatusWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ConsentRegistry registry;

	@Autowired
	AuditTrail audit;

	@Test
	void answersTheStatusOfAConsent() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.registry.status(id)).willReturn(ConsentStatus.REVOKED);
		this.mvc.perform(get("/api/v1/consents/{id}/status", id))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(id.toString()))
			.andExpect(jsonPath("$.status").value("revoked"))
			.andExpect(jsonPath("$.purpose").doesNotExist())
			.andExpect(jsonPath("$.statement").doesNotExist());
		verifyNoInteractions(this.audit);
	}

	@Test
	void anUnknownConsentIsA404Problem() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.registry.status(id)).willThrow(ConsentNotFound.class);
		this.mvc.perform(get("/api/v1/consents/{id}/status", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.detail").value("No consent with this id."))
			.andExpect(jsonPath("$.instance").value("/api/v1/consents/" + id + "/status"));
	}

	@Test
	void anIdThatIsNoUuidIsA400ProblemThatDoesNotEchoIt() throws Exception {
		this.mvc.perform(get("/api/v1/consents/{id}/status", "V-1234567890"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.detail").value("Parameter 'id' does not have the expected format."));
	}

}
