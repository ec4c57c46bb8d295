package nl.ketenpoort.gateway.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.gateway.identity.LoginRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login page in the visitor's language (status holders and professionals alike); the
 * form posts to Spring Security's own {@code POST /login}, which forwards here a login it
 * refused before checking the password (too many failures).
 */
@Controller
class LoginController {

	private final PageModel pages;

	LoginController(PageModel pages) {
		this.pages = pages;
	}

	@GetMapping("/login")
	String login() {
		return "pages/login";
	}

	@RequestMapping(LoginRefusal.PAGE)
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(LoginRefusal.ATTRIBUTE) instanceof LoginRefusal refusal)) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("refusal", refusal);
		// The language links lead to the plain form: a refused post is never repeated.
		model.addAttribute("page", this.pages.at("/login"));
		return "pages/login";
	}

}
