package dev.animetracker.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of search-service ({@code animetracker.search.*}).
 *
 * @param torrentServiceUrl base URL of torrent-service, for {@code POST /internal/reindex}
 * @param announceUrls our tracker URLs, written into magnet links (HTTP first)
 * @param reindexPageSize torrents fetched per page while reindexing (torrent-service allows 1000)
 * @param connectTimeout connecting to torrent-service
 * @param readTimeout waiting for one page from torrent-service
 * @param maxQueryLength longest search text accepted (longer: 400)
 * @param defaultPageSize page size when the request names none
 * @param maxPageSize largest page size accepted
 * @param countCap totals are counted exactly up to this many matches, larger ones report it
 * @param relevanceWindow relevance is ranked among this many best-seeded matches, the rest follow
 *     by seeders
 * @param corrections similar known words tried per misspelt word when a search finds nothing
 * @param categoryCacheTtl how long the category list is cached (an unknown slug reloads it)
 * @param facetCandidates the facets of the first page count at most this many matches: each is a
 *     heap row read, so on a large result the counts are those of a sample this big
 */
@Validated
@ConfigurationProperties("animetracker.search")
public record SearchProperties(
    @DefaultValue("http://127.0.0.1:8082") @NotNull URI torrentServiceUrl,
    @DefaultValue({"http://localhost:6969/announce", "udp://localhost:6969/announce"}) @NotEmpty
        List<String> announceUrls,
    @DefaultValue("500") @Min(1) @Max(1000) int reindexPageSize,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("30s") @NotNull Duration readTimeout,
    @DefaultValue("300") @Min(1) @Max(5000) int maxQueryLength,
    @DefaultValue("50") @Min(1) @Max(1000) int defaultPageSize,
    @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
    @DefaultValue("1000") @Min(100) int countCap,
    @DefaultValue("1000") @Min(1) int relevanceWindow,
    @DefaultValue("3") @Min(0) @Max(10) int corrections,
    @DefaultValue("10s") @NotNull Duration categoryCacheTtl,
    @DefaultValue("1000") @Min(100) @Max(100_000) int facetCandidates) {}
