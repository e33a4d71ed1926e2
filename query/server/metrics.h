// What /metrics says, in Prometheus' text format: requests by route and
// status, a latency histogram by route, connections answered "busy", the
// answers kept, and the index's revision.
#ifndef INFONOTE_QUERY_SERVER_METRICS_H
#define INFONOTE_QUERY_SERVER_METRICS_H

#include <array>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "reply_cache.h"

namespace infonote::server {

/// The route a request path counts under: itself for the server's routes,
/// "/assets" for any asset, "other" for the rest (so that a client cannot
/// grow the table).
std::string route_of(const std::string& path);

class Metrics {
  public:
    /// A request answered with `status` after `seconds`.
    void record(const std::string& route, int status, double seconds);

    /// Everything counted, with the gauges given.
    std::string render(unsigned long long revision, std::size_t rejected,
                       const CacheFigures& cache) const;

  private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Latency {
        std::array<unsigned long long, kBuckets.size()> buckets{};
        unsigned long long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long long> requests_;
    std::map<std::string, Latency> latency_;
};

}  // namespace infonote::server

#endif
