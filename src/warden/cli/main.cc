// The warden command-line tool: a thin shell over the library.
#include <cstdio>

int main() {
  std::puts("warden: under construction");
  return 0;
}
