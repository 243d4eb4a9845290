// Sub-library root; sources arrive with the first feature.
namespace warden::cel {}
