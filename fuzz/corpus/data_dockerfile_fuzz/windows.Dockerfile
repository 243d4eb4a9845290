# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN New-Item -ItemType Directory c:\app `
    ; Write-Host done
COPY app\ c:\app\
WORKDIR c:\app
CMD app.exe
