package dev.vouch.kit.config;

import dev.vouch.kit.export.CsvMessageConverter;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.security.AccessScopeArgumentResolver;
import dev.vouch.kit.web.PageRequestResolver;
import dev.vouch.kit.web.AcceptsJson;
import dev.vouch.kit.web.ApiDescription;
import dev.vouch.kit.web.BodySizeLimit;
import dev.vouch.kit.web.ProblemErrorController;
import dev.vouch.kit.web.ProblemHandler;
import dev.vouch.kit.web.ProblemReportValve;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import dev.vouch.kit.web.RejectedRequests;
import dev.vouch.kit.web.StrictJson;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Strict JSON, problem responses, the body size limit, access scopes and the OpenAPI description. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VouchProperties.class)
public class VouchWebAutoConfiguration {

    static {
        // Resolved from the token, not sent by clients: keep it out of the OpenAPI description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessScope.class);
        // A body read as a JSON tree (a merge patch) is a JSON object to clients, not Jackson's node internals.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
                new io.swagger.v3.oas.models.media.ObjectSchema());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** After Spring Boot's own customizer, which turns FAIL_ON_UNKNOWN_PROPERTIES off. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return new StrictJsonCustomizer();
    }

    static final class StrictJsonCustomizer implements JsonMapperBuilderCustomizer, Ordered {
        @Override
        public void customize(JsonMapper.Builder builder) {
            StrictJson.configure(builder);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler rejectedRequests() {
        return new RejectedRequests();
    }

    /** Tomcat's error report (what it refuses before any servlet runs) as problem+json. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatProblems {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
            return new ProblemReportCustomizer();
        }
    }

    /** Last, so that it replaces the report valve Spring Boot's own customizer adds. */
    static final class ProblemReportCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve());
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
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

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptsJson()).addPathPatterns("/api/**");
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
                        .description("Errors are application/problem+json (RFC 9457) with a stable type to switch on. "
                                + "Every call needs a bearer JWT with the claims sub, tenant and roles. Bodies are read "
                                + "strictly: a field the operation does not describe, a value of the wrong JSON type, a "
                                + "duplicate key or text with control characters or unpaired surrogates answers 400.")
                        .contact(new Contact().name("Vouch").url("https://vouch.dev"))
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .components(new Components()
                        .addSchemas(ApiDescription.PROBLEM, ApiDescription.problemSchema())
                        .addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The advisor's studentId and the problem responses, on every operation of every service. */
    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription();
    }
}
