#include "metrics.h"

#include <cstdio>
#include <sstream>

namespace infonote::server {

namespace {

constexpr const char* kRoutes[] = {
    "/",
    "/search",
    "/country",
    "/event",
    "/document",
    "/healthz",
    "/metrics",
    "/api/search",
    "/api/attended",
    "/api/show",
    "/api/countries",
    "/api/stats",
    "/api/timeline",
    "/api/profile",
    "/api/coattend",
    "/api/coverage",
};

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

}  // namespace

std::string route_of(const std::string& path)
{
    for (const char* route : kRoutes)
        if (path == route) return route;
    if (path.rfind("/assets/", 0) == 0) return "/assets";
    // Pages that carry their subject in the path: /country/KZ.
    for (const char* page : {"/country/", "/event/", "/document/"})
        if (path.rfind(page, 0) == 0) return std::string(page, std::string(page).size() - 1);
    return "other";
}

void Metrics::record(const std::string& route, int status, double seconds)
{
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Latency& l = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) ++l.buckets[i];
    ++l.count;
    l.sum += seconds;
}

std::string Metrics::render(unsigned long long revision, std::size_t rejected,
                            const CacheFigures& cache) const
{
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP infonote_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE infonote_http_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out << "infonote_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
            << "\"} " << count << '\n';
    out << "# HELP infonote_http_request_duration_seconds Time from a request's headers read to "
           "its answer ready, by route.\n"
           "# TYPE infonote_http_request_duration_seconds histogram\n";
    for (const auto& [route, l] : latency_) {
        std::string label = "route=\"" + route + "\"";
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out << "infonote_http_request_duration_seconds_bucket{" << label << ",le=\""
                << number(kBuckets[i]) << "\"} " << l.buckets[i] << '\n';
        out << "infonote_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
            << l.count << '\n'
            << "infonote_http_request_duration_seconds_sum{" << label << "} " << number(l.sum)
            << '\n'
            << "infonote_http_request_duration_seconds_count{" << label << "} " << l.count << '\n';
    }
    out << "# HELP infonote_connections_refused_total Connections answered 503 because every "
           "worker was busy and the queue full.\n"
           "# TYPE infonote_connections_refused_total counter\n"
           "infonote_connections_refused_total "
        << rejected << '\n'
        << "# HELP infonote_cache_lookups_total Answers looked for in the reply cache, by whether "
           "one was found.\n"
           "# TYPE infonote_cache_lookups_total counter\n"
           "infonote_cache_lookups_total{found=\"yes\"} "
        << cache.hits << "\ninfonote_cache_lookups_total{found=\"no\"} " << cache.misses << '\n'
        << "# HELP infonote_cache_entries Answers kept for requests asked again.\n"
           "# TYPE infonote_cache_entries gauge\n"
           "infonote_cache_entries "
        << cache.entries << '\n'
        << "# HELP infonote_cache_bytes Bytes of the answers kept, as counted against "
           "--cache-mb.\n"
           "# TYPE infonote_cache_bytes gauge\n"
           "infonote_cache_bytes "
        << cache.bytes << '\n'
        << "# HELP infonote_cache_index_states States of the index (builds and revisions) that "
           "answers are kept for.\n"
           "# TYPE infonote_cache_index_states gauge\n"
           "infonote_cache_index_states "
        << cache.states << '\n'
        << "# HELP infonote_index_revision The index's revision: its shards' Xapian revisions "
           "added up.\n"
           "# TYPE infonote_index_revision gauge\n"
           "infonote_index_revision "
        << revision << '\n';
    return out.str();
}

}  // namespace infonote::server
