#include "graphml_output.h"

namespace infonote {

namespace {

// "&", "<", ">" and quotes as XML entities, control characters dropped.
std::string xml_escaped(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

}  // namespace

void write_graphml(std::ostream& out, const CoattendAnswer& answer)
{
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        << "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        << "  <key id=\"events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
        << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        << "  <graph id=\"coattend\" edgedefault=\"undirected\">\n";
    for (const auto& [code, state] : answer.states)
        out << "    <node id=\"" << xml_escaped(code) << "\"><data key=\"name\">"
            << xml_escaped(state.name) << "</data><data key=\"events\">" << state.count
            << "</data></node>\n";
    for (const CoattendPair& p : answer.pairs)
        out << "    <edge source=\"" << xml_escaped(p.a) << "\" target=\"" << xml_escaped(p.b)
            << "\"><data key=\"weight\">" << p.events << "</data></edge>\n";
    out << "  </graph>\n</graphml>\n";
}

}  // namespace infonote
