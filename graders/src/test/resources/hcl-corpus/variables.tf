variable "name" {
  type        = string
  description = "Name prefix"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "Lower case, 3 to 31 characters."
  }
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "settings" {
  type = object({
    size    = optional(number, 20)
    engines = list(string)
    extra   = optional(map(any))
  })
  default = {
    engines = ["postgres"]
  }
  nullable = false
}

variable "password" {
  type      = string
  sensitive = true
}

output "name" {
  value       = var.name
  description = "The name"
  sensitive   = false
}
