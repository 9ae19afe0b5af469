package app.kariz.gateway.signing;

import app.kariz.contract.identity.IdentitySignature;
import app.kariz.gateway.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The signature on the identity the gateway sends each service, with the secret they share. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    SignedIdentityFilter signedIdentityFilter(IdentityProperties properties, Clock clock) {
        return new SignedIdentityFilter(new IdentitySignature(properties.secret()), clock);
    }
}
