package dev.vouch.mentor.writer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriterProperties.class)
class WriterConfiguration {
}
