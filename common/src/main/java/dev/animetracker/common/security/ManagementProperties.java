package dev.animetracker.common.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read a service's management endpoints other than health and info ({@code
 * animetracker.management.*}).
 *
 * @param networks addresses or CIDR ranges of the TCP peer (never a forwarded header), e.g. the
 *     Prometheus host or the pod network ({@code MANAGEMENT_NETWORKS})
 */
@Validated
@ConfigurationProperties("animetracker.management")
public record ManagementProperties(
    @DefaultValue({"127.0.0.0/8", "::1/128"}) @NotEmpty List<String> networks) {}
