// coattend's answer as GraphML, for Gephi or Cytoscape: each State a node
// with its name and events, each pair an edge weighted by shared events.
#ifndef INFONOTE_QUERY_GRAPHML_OUTPUT_H
#define INFONOTE_QUERY_GRAPHML_OUTPUT_H

#include <ostream>

#include "engine.h"

namespace infonote {

void write_graphml(std::ostream& out, const CoattendAnswer& answer);

}  // namespace infonote

#endif
