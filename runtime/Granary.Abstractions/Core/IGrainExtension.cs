namespace Granary;

/// <summary>
/// An interface the runtime adds to activations of any grain class, such as a stream consumer. Calls to
/// it run as turns of the target activation but are handled by the component attached to the activation
/// under this interface type (see <c>IGrainContext.GetComponent</c>), unless the grain class implements it itself.
/// </summary>
public interface IGrainExtension : IGrain;
