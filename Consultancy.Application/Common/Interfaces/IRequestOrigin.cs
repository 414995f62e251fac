namespace Consultancy.Application.Common.Interfaces;

/// <summary>Where the current request comes from, for the security log.</summary>
public interface IRequestOrigin
{
    /// <summary>The client's IP address, or null outside a request (background jobs).</summary>
    string? IpAddress { get; }
}
