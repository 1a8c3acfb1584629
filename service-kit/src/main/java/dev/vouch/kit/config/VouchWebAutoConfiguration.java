package dev.vouch.kit.config;

import dev.vouch.kit.export.CsvMessageConverter;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.security.AccessScopeArgumentResolver;
import dev.vouch.kit.web.PageRequestResolver;
import dev.vouch.kit.web.BodySizeLimit;
import dev.vouch.kit.web.ProblemHandler;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Problem responses, the body size limit, access scopes and the OpenAPI description. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VouchProperties.class)
public class VouchWebAutoConfiguration {

    static {
        // Resolved from the token, not sent by clients: keep it out of the OpenAPI description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessScope.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(VouchProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(properties.web().maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer accessScopeResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AccessScopeArgumentResolver());
                resolvers.add(new PageRequestResolver());
            }
        };
    }

    /** After the JSON converters, so a client that accepts anything still gets JSON. */
    @Bean
    ServerHttpMessageConvertersCustomizer csvExports(JsonMapper json) {
        CsvMessageConverter csv = new CsvMessageConverter(json);
        return builder -> builder.configureMessageConvertersList(converters -> converters.add(csv));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI vouchOpenApi(VouchProperties properties) {
        return new OpenAPI()
                .info(new Info().title("Vouch " + properties.serviceName() + " API").version("v1")
                        .description("Errors are application/problem+json (RFC 9457). Every call needs a bearer JWT "
                                + "with the claims sub, tenant and roles."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
