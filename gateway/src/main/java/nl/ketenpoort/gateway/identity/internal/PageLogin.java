package nl.ketenpoort.gateway.identity.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Another way for people to log in to the pages, next to the login form: the page chain
 * of {@link SecurityConfiguration} lets every bean of this type add itself to it (signing
 * in at upstream OpenID providers does, in {@code identity.federation}).
 */
public interface PageLogin {

	/**
	 * Adds this way of logging in to the page chain.
	 * @param http the page chain being built
	 */
	void configure(HttpSecurity http);

	/**
	 * The checks of this way's logins, which join the login form's password check in the
	 * page chain's one authentication manager; each must support only its own kind of
	 * login, so that none checks a password after the throttle refused it.
	 * @return the checks
	 */
	List<AuthenticationProvider> authenticationProviders();

}
