package dev.vouch.kit.config;

import dev.vouch.kit.security.JwtDecoders;
import dev.vouch.kit.security.LocalKeyPair;
import dev.vouch.kit.security.ProblemAuthenticationEntryPoint;
import dev.vouch.kit.security.Role;
import dev.vouch.kit.security.VerifiedTokenCache;
import dev.vouch.kit.security.VouchJwtConverter;
import dev.vouch.kit.security.VouchSecurityProperties;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;

/**
 * Every {@code /api/**} call needs a valid JWT carrying one of Vouch's roles; 401 without one, 403 without
 * a role. Which records it may touch is decided per request by the {@code AccessScope} resolver.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, VouchSecurityProperties.class})
public class VouchSecurityAutoConfiguration {

    /** The local stack's own key when /dev/token is on (VouchLocalAutoConfiguration), the identity provider otherwise. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, VouchSecurityProperties security,
                          ObjectProvider<LocalKeyPair> localKeys) {
        LocalKeyPair local = localKeys.getIfAvailable();
        return local != null
                ? JwtDecoders.forLocalKeys(local, properties.getJwt(), security)
                : JwtDecoders.forIssuer(properties.getJwt(), security);
    }

    /** The verified-token cache's hits, misses and size, for the dashboards. */
    @Bean
    MeterBinder verifiedTokenMetrics(JwtDecoder decoder) {
        return registry -> {
            if (decoder instanceof VerifiedTokenCache cache) {
                cache.bindTo(registry);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain vouchSecurityFilterChain(HttpSecurity http) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        String[] roles = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**").hasAnyRole(roles)
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new VouchJwtConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }
}
