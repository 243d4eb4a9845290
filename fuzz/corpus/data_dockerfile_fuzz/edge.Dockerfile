#  check = skip=all
  # not a directive any more
\
  FROM scratch
CMD ["unterminated
CMD ["a"] trailing
RUN echo \\
RUN --network=none -- --literal
RUN ["\u00e9\ud83d\ude00\ud800", "tab\there"]
ADD --link https://example.com/x.tgz /x/
