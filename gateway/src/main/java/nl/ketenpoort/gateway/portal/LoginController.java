package nl.ketenpoort.gateway.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page in the visitor's language (status holders and professionals alike); the
 * form posts to Spring Security's own {@code POST /login}.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "pages/login";
	}

}
