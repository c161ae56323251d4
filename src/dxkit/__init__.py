"""dxkit: governance files for regional DX consortia (地域社会DX推進体制)."""

__version__ = "0.1.0"
