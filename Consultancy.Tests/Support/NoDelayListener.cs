using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Consultancy.Tests.Support;

/// <summary>
/// SmtpServer's listener with TCP_NODELAY on accepted sockets. MailKit pipelines MAIL FROM and RCPT TO in
/// one write; with Nagle on, the server's second small reply waits ~40 ms for a delayed ACK, so a stock
/// sink measures Nagle instead of the code under test.
/// </summary>
internal sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpoint)
    {
        var listener = new TcpListener(endpoint.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener, IDisposable
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken ct)
        {
            var client = await listener.AcceptTcpClientAsync(ct);
            client.NoDelay = true;
            context.Properties.Add(EndpointListener.LocalEndPointKey, client.Client.LocalEndPoint!);
            context.Properties.Add(EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);
        public PipeWriter Output => field ??= PipeWriter.Create(_stream);
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken ct) =>
            throw new NotSupportedException("This sink speaks plain SMTP on loopback only.");

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }
}
