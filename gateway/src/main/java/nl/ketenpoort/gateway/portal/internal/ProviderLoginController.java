package nl.ketenpoort.gateway.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.identity.ProviderRefusalPage;
import nl.ketenpoort.schemas.problem.RefusalReason;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The pages around signing in at an upstream provider, in the visitor's language: why a
 * sign-in did not let the person in (the sign-in forwards here), and what someone without
 * DigiD can do instead.
 */
@Controller
class ProviderLoginController {

	private final PageModel pages;

	ProviderLoginController(PageModel pages) {
		this.pages = pages;
	}

	@RequestMapping(ProviderRefusalPage.PAGE)
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(ProviderRefusalPage.ATTRIBUTE) instanceof ProviderRefusalPage refusal)) {
			return "redirect:/login";
		}
		response.setStatus(refusal.status().value());
		model.addAttribute("title", refusal.messageKey());
		model.addAttribute("provider", refusal.provider());
		model.addAttribute("noDigid", refusal.refusal() == RefusalReason.NO_SUBJECT);
		// The language links lead to the login page: a sign-in is never repeated by a
		// link.
		model.addAttribute("page", this.pages.at("/login"));
		return "pages/provider-refused";
	}

	@GetMapping(ProviderRefusalPage.NO_DIGID)
	String noDigid(Model model) {
		model.addAttribute("title", "federation.no-digid");
		model.addAttribute("provider", "DigiD");
		model.addAttribute("noDigid", true);
		return "pages/provider-refused";
	}

}
